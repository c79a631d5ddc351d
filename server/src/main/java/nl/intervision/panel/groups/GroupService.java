package nl.intervision.panel.groups;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupActor;
import nl.intervision.panel.group.GroupCommand;
import nl.intervision.panel.group.GroupEvent;
import nl.intervision.panel.group.GroupMeeting;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.Groups;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.store.ConcurrentChange;
import nl.intervision.panel.store.GroupStore;

/**
 * The groups this node serves, at the edge: every change reads the group from the store, lets the
 * domain decide, and saves against the version it read. When another node saved in between, the
 * change is decided again on what is there now, so two nodes serve one group without talking to each
 * other. Nothing is cached: a group is read a few times a day.
 */
public final class GroupService {
  /** Enough for a handful of people clicking at once; past it the caller gets "try again". */
  static final int ATTEMPTS = 8;
  private static final char[] ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final GroupStore store;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Future<?>> queued = new HashMap<>();

  public GroupService(GroupStore store, LongSupplier clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A group as stored, with the version to save against; {@link GroupState#NONE} at version 0 when there is none. */
  public record Loaded(GroupState state, long version) {}

  /** The group after a change, and what happened; no events when the command changed nothing. */
  public record Changed(GroupState state, List<GroupEvent> events) {}

  public Future<Loaded> load(String groupId) {
    return store.load(groupId).map(stored -> stored == null
        ? new Loaded(GroupState.NONE, 0)
        : new Loaded(RecordCodec.fromJson(GroupState.class, stored.state()), stored.version()));
  }

  /** The groups in which a member linked this platform sign-in, as stored now; erased ones are left out. */
  public Future<List<GroupState>> linkedTo(String accountKey) {
    return store.groupsWithAccount(accountKey)
        .compose(ids -> Future.all(ids.stream().map(this::load).toList()))
        .map(all -> all.<Loaded>list().stream().map(Loaded::state).filter(GroupState::exists).toList());
  }

  /**
   * Decides the command on the group as stored and saves what it changed.
   *
   * @return fails with {@link Rejected} when the domain refuses it (nothing is saved), or with the
   *     store's failure when it cannot be saved after {@link #ATTEMPTS} tries
   */
  public Future<Changed> change(String groupId, GroupActor actor, GroupCommand command) {
    // Changes to one group made through this node go one after the other, so only another node can
    // make a save lose its race, and each loss means one of that node's changes landed: the tries run
    // out only when the other nodes land ATTEMPTS changes to this group while one of ours is decided.
    Promise<Void> turn = Promise.promise();
    Future<Void> myTurn = turn.future();
    Future<?> before;
    synchronized (queued) {
      before = queued.put(groupId, myTurn);
    }
    Future<Changed> changed = (before == null ? Future.succeededFuture() : before)
        .transform(previous -> attempt(groupId, actor, command, ATTEMPTS));
    changed.onComplete(done -> {
      synchronized (queued) {
        queued.remove(groupId, myTurn);
      }
      turn.complete();
    });
    return changed;
  }

  private Future<Changed> attempt(String groupId, GroupActor actor, GroupCommand command, int attemptsLeft) {
    return load(groupId).compose(loaded -> {
      List<GroupEvent> events;
      try {
        events = Groups.decide(loaded.state(), actor, command, clock.getAsLong(), this::newId);
      } catch (Rejected refused) {
        return Future.failedFuture(refused);
      }
      if (events.isEmpty()) {
        return Future.succeededFuture(new Changed(loaded.state(), events));
      }
      GroupState next = Groups.replay(loaded.state(), events);
      String id = next.exists() ? next.id() : groupId;
      Future<?> saved = next.exists()
          ? store.save(id, loaded.version(), (JsonObject) RecordCodec.toJson(next))
          : store.erase(groupId);
      return saved.<Changed>map(v -> new Changed(next, events)).recover(failure -> {
        if (failure instanceof ConcurrentChange && attemptsLeft > 1) {
          return attempt(groupId, actor, command, attemptsLeft - 1);
        }
        return Future.failedFuture(failure);
      });
    });
  }

  /** The panel meetings of the group's meetings, newest first: what erasing the group must erase too. */
  public static List<String> meetingIds(GroupState state) {
    List<String> ids = new ArrayList<>();
    for (GroupMeeting meeting : state.meetings().reversed()) {
      meeting.cases().forEach(round -> ids.add(round.meetingId()));
    }
    return ids;
  }

  /** Random ids; the domain puts its prefix in front. */
  public String newId() {
    char[] chars = new char[12];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
    }
    return new String(chars);
  }
}
