package nl.intervision.panel.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.domain.Text;
import nl.intervision.panel.support.Inputs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * One thing someone does in a meeting, drawn at random and resolved against the meeting as it is
 * when it happens: "the chair advances from the current phase", "member 2 votes for card 5",
 * "a stranger deletes card null". Numbers pick among what exists (modulo its size); -1 means a
 * missing value and lower numbers an id the meeting does not know, so steps hit both the paths
 * that succeed and the ones that refuse. A shrunk counterexample reads as a list of such steps.
 *
 * @param n the first number: an index (participant, card, phase) or a raw value (seconds, phase index)
 * @param m the second number, for commands with two
 * @param flag true: the value a careful client would send (the current phase index); false: the raw one
 * @param again at or above 0: send an earlier step again, with its command id (only the room properties)
 */
public record Step(Who who, int whoIndex, What what, int n, int m, String text, boolean flag, int again) {

  /** FITTING: whoever this command is meant for (the chair for a chair's command, a newcomer to join). */
  public enum Who { FITTING, CHAIR, CASE_BRINGER, MEMBER, NEWCOMER, STRANGER, SERVER }

  public enum What {
    ADVANCE, PREVIOUS, CHOOSE_METHOD, CHOOSE_OWN_METHOD, SKIP, MOVE, RETIME, DONE, NOT_DONE,
    START_TIMER, PAUSE, RESUME, EXTEND,
    ADD_CARD, EDIT, DELETE, VOTE, UNVOTE, REVEAL, REVEAL_AUTHOR, RATE, MARK_KEY, MARK_ANSWERED, CHOOSE_QUESTION,
    CHOOSE_CASE_BRINGER, HAND_OVER, NAME_BACKUP, RAISE, LOWER, NEXT, PASS, ROUND, REORDER, QUEUE, TURN_TIME,
    END, JOIN, WENT_OFFLINE, CHAIR_TIMED_OUT, ORGANISER, FINISH, ASK_READINESS, TAKE_CHAIR, CAME_ONLINE,
    ASSIGN_POINT, POINT_DONE, VOTE_BUDGET, EVALUATE, OPEN_INVITATIONS
  }

  public static final String CHAIR = "p-chair";
  public static final String JOIN_CODE = "ABCD-EFGH";
  /** Who joins before the random steps begin: three participants and an observer. */
  public static final List<Participant> MEMBERS = List.of(
      new Participant("p-anna", "Anna", Role.PARTICIPANT), new Participant("p-bert", "Bert", Role.PARTICIPANT),
      new Participant("p-cees", "Cees", Role.PARTICIPANT), new Participant("p-olga", "Olga", Role.OBSERVER));

  /** Edge cases would put the first and last enum values (the chair advancing, the server) in most steps. */
  public static Arbitrary<Step> step() {
    return step(anything());
  }

  private static Arbitrary<Step> step(Arbitrary<What> what) {
    return Combinators.combine(anyone(), Arbitraries.integers().between(0, 9), what, number(), number(),
        Inputs.anyText(), Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 60))))
        .as(Step::new).withoutEdgeCases();
  }

  public static Arbitrary<List<Step>> steps(int max) {
    return step().list().ofMinSize(1).ofMaxSize(max).withSizeDistribution(RandomDistribution.uniform());
  }

  /** Steps that mostly work the board: write, edit, delete, reveal, vote, hand the chair over. */
  public static Arbitrary<List<Step>> boardSteps(int max) {
    return step(boardWork()).list().ofMinSize(1).ofMaxSize(max).withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<What> boardWork() {
    List<Tuple.Tuple2<Integer, What>> weights = new ArrayList<>();
    for (What what : What.values()) {
      int weight = switch (what) {
        case ADD_CARD -> 40;
        case DELETE -> 25;
        case ADVANCE, EDIT -> 15;
        case REVEAL_AUTHOR -> 10;
        case VOTE -> 8;
        case REVEAL -> 12;
        case HAND_OVER, ASSIGN_POINT, MARK_KEY, RATE, CHOOSE_QUESTION -> 5;
        case PREVIOUS, JOIN, TAKE_CHAIR, CHAIR_TIMED_OUT, POINT_DONE, UNVOTE, MARK_ANSWERED -> 3;
        case END -> 0;
        default -> 1;
      };
      weights.add(Tuple.of(weight, what));
    }
    return Arbitraries.frequency(weights);
  }

  /**
   * A catalogue method whose phases with cards are made silent, anonymous, both or neither, at random;
   * the first of them always silent, so every run starts writing hidden cards (the property's coverage
   * of reveals and hidden deletes must not hang on luck: CI once drew 100 runs without a reveal).
   */
  public static Arbitrary<Method> secretive(Catalogue catalogue) {
    return Combinators.combine(method(catalogue), Arbitraries.longs()).as((base, bits) -> {
      List<Phase> phases = new ArrayList<>();
      boolean firstWithCards = true;
      for (int i = 0; i < base.phases().size(); i++) {
        Phase p = base.phases().get(i);
        boolean silent = !p.cards().isEmpty() && (firstWithCards || (bits >>> (2 * i) & 1) == 1);
        firstWithCards &= p.cards().isEmpty();
        boolean anonymous = !p.cards().isEmpty() && (bits >>> (2 * i + 1) & 1) == 1;
        phases.add(new Phase(p.id(), p.name(), p.guidance(), p.speaking(), p.cards(), silent, anonymous, p.minutes(),
            p.carries(), p.rating()));
      }
      return new Method(base.id(), base.name(), base.purpose(), phases);
    });
  }

  /** The catalogue method the meeting starts with. */
  public static Arbitrary<Method> method(Catalogue catalogue) {
    return Arbitraries.of(catalogue.methods());
  }

  private static Arbitrary<Who> anyone() {
    return Arbitraries.frequency(Tuple.of(12, Who.FITTING), Tuple.of(3, Who.CHAIR), Tuple.of(2, Who.CASE_BRINGER),
        Tuple.of(3, Who.MEMBER),
        Tuple.of(1, Who.NEWCOMER), Tuple.of(1, Who.STRANGER), Tuple.of(1, Who.SERVER));
  }

  private static Arbitrary<What> anything() {
    List<Tuple.Tuple2<Integer, What>> weights = new ArrayList<>();
    for (What what : What.values()) {
      // Enough advancing and writing that runs reach the method's phases and fill the board; ending is rare.
      int weight = switch (what) {
        case ADVANCE -> 40;
        case ADD_CARD -> 60;
        case CHOOSE_QUESTION, VOTE, EDIT, RAISE, NEXT, PASS -> 12;
        case END -> 1;
        default -> 7;
      };
      weights.add(Tuple.of(weight, what));
    }
    return Arbitraries.frequency(weights);
  }

  private static Arbitrary<Integer> number() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(-3, 12)),
        Tuple.of(2, Arbitraries.integers().between(-3, 400)),
        Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 14_400, 14_401, 1800, 1801, 240, 241)));
  }

  @Override
  public String toString() {
    return who + "#" + whoIndex + " " + what + "(n=" + n + ", m=" + m + ", flag=" + flag
        + (again >= 0 ? ", again=" + again : "") + ", text=\"" + Inputs.visible(text) + "\")";
  }

  /** Who does it, in the meeting as it is now; {@code newcomer} is the fresh id of someone who has not joined. */
  public String actor(MeetingState state, String newcomer) {
    return switch (who) {
      case FITTING -> switch (what) {
        case ADVANCE, PREVIOUS, CHOOSE_METHOD, CHOOSE_OWN_METHOD, SKIP, MOVE, RETIME, START_TIMER, PAUSE, RESUME, EXTEND,
            REVEAL, CHOOSE_QUESTION, CHOOSE_CASE_BRINGER, HAND_OVER, NAME_BACKUP, NEXT, ROUND, REORDER, QUEUE, TURN_TIME,
            END, VOTE_BUDGET, OPEN_INVITATIONS, ASK_READINESS -> chair(state);
        case FINISH -> state.speaking().current() != null && flag ? state.speaking().current() : member(state, whoIndex);
        case RATE, MARK_KEY -> state.caseBringerId() != null ? state.caseBringerId() : member(state, whoIndex);
        case MARK_ANSWERED -> whoIndex % 2 == 0 ? chair(state) : member(state, whoIndex);
        case JOIN -> newcomer;
        case WENT_OFFLINE, CHAIR_TIMED_OUT, ORGANISER, CAME_ONLINE -> Envelope.SERVER;
        default -> member(state, whoIndex);
      };
      case CHAIR -> chair(state);
      case CASE_BRINGER -> state.caseBringerId() != null ? state.caseBringerId() : member(state, whoIndex);
      case MEMBER -> member(state, whoIndex);
      case NEWCOMER -> newcomer;
      case STRANGER -> "p-stranger";
      case SERVER -> Envelope.SERVER;
    };
  }

  /** The command, in the meeting as it is now, as the socket would hand it to the room. */
  public Command command(MeetingState s, Catalogue catalogue, boolean mayErase) {
    return switch (what) {
      case ADVANCE -> new AdvancePhase(flag ? s.phaseIndex() : n);
      case PREVIOUS -> new PreviousPhase(flag ? s.phaseIndex() : n);
      case CHOOSE_METHOD -> {
        Method method = catalogue.methods().get(Math.floorMod(n, catalogue.methods().size()));
        // The catalogue's method by id, filled in as MethodLookup does.
        yield new ChooseMethod(method.id(), method);
      }
      case CHOOSE_OWN_METHOD -> new ChooseMethod(null, ownMethod(catalogue));
      case SKIP -> new SkipPhase(phaseId(s, n));
      case MOVE -> new MovePhase(phaseId(s, n), m);
      case RETIME -> new RetimePhase(phaseId(s, n), flag ? Integer.valueOf(m) : null);
      case DONE -> new MarkDone();
      case NOT_DONE -> new MarkNotDone();
      case START_TIMER -> new StartTimer(flag ? 60 * Math.floorMod(n, 300) : n);
      case PAUSE -> new PauseTimer();
      case RESUME -> new ResumeTimer();
      case EXTEND -> new ExtendTimer(flag ? 60 * Math.floorMod(n, 300) : n);
      case ADD_CARD -> new AddCard(text, kind(s), n < 0 ? null : member(s, n));
      case EDIT -> new EditCard(card(s, n), text);
      case DELETE -> new DeleteCard(card(s, n));
      case VOTE -> new VoteCard(card(s, n));
      case UNVOTE -> new UnvoteCard(card(s, n));
      case REVEAL -> new RevealCards();
      case REVEAL_AUTHOR -> new RevealAuthor(card(s, n));
      case RATE -> new RateCard(shownCard(s, n), m < 0 ? null : Card.Rating.values()[m % Card.Rating.values().length]);
      case MARK_KEY -> new MarkKeyQuestion(flag ? shownCard(s, n) : null);
      case MARK_ANSWERED -> new MarkAnswered(card(s, n), flag);
      case CHOOSE_QUESTION -> new ChooseLearningQuestion(card(s, n));
      case CHOOSE_CASE_BRINGER -> new ChooseCaseBringer(participant(s, n));
      case HAND_OVER -> new HandOverChair(participant(s, n));
      case NAME_BACKUP -> new NameBackupChair(flag ? participant(s, n) : null);
      case RAISE -> new RaiseHand();
      case LOWER -> new LowerHand();
      case NEXT -> new NextSpeaker();
      case PASS -> new PassTurn();
      case ROUND -> new StartRound();
      case REORDER -> new ReorderSpeakers(queue(s));
      case QUEUE -> new QueueSpeaker(participant(s, n));
      case TURN_TIME -> new SetTurnTime(flag ? 30 * Math.floorMod(n, 70) : n);
      case END -> new EndMeeting(mayErase && !flag ? Boolean.TRUE : flag ? null : Boolean.FALSE);
      case JOIN -> new JoinMeeting(joinCode(s), text, m < 0 ? null : List.of(Role.values()).get(m % Role.values().length));
      // The server only ever names someone it knows of: a member that went away, the chair it waited for.
      case WENT_OFFLINE -> new ParticipantWentOffline(member(s, Math.max(0, n)));
      case CHAIR_TIMED_OUT -> new ChairTimedOut(flag && s.chairId() != null ? s.chairId() : member(s, Math.max(0, n)),
          m < 0 ? null : m % 2 == 0);
      case CAME_ONLINE -> new ParticipantCameOnline(member(s, Math.max(0, n)));
      case FINISH -> new FinishTurn();
      case ASK_READINESS -> new AskReadiness();
      case TAKE_CHAIR -> new TakeChair();
      case ORGANISER -> new OrganiserArrived(member(s, Math.max(0, n)));
      case ASSIGN_POINT -> new AssignActionPoint(card(s, n), participant(s, m));
      case POINT_DONE -> new MarkActionPointDone(card(s, n), flag);
      case VOTE_BUDGET -> new SetVoteBudget(flag ? Integer.valueOf(Math.floorMod(n, 4)) : m < 0 ? null : n);
      case EVALUATE -> new GiveEvaluation(flag ? 1 + Math.floorMod(n, 10) : n, flag ? "Goed" : text);
      case OPEN_INVITATIONS -> new OpenInvitations(flag);
    };
  }

  private static String chair(MeetingState s) {
    return s.chairId() == null ? "p-stranger" : s.chairId();
  }

  /** A participant id, or null (n = -1), or an id nobody has (n below -1). */
  private static String participant(MeetingState s, int n) {
    return n == -1 ? null : n < -1 ? "p-stranger" : member(s, n);
  }

  private static String member(MeetingState s, int n) {
    List<Participant> people = s.participants();
    return people.isEmpty() ? "p-stranger" : people.get(Math.floorMod(n, people.size())).id();
  }

  private static String card(MeetingState s, int n) {
    if (n == -1) {
      return null;
    }
    return n < -1 || s.cards().isEmpty() ? "c-missing" : s.cards().get(n % s.cards().size()).id();
  }

  /** Mostly a card the current phase works on, where rating can be accepted; sometimes any card. */
  private static String shownCard(MeetingState s, int n) {
    if (n < 0 || n % 4 == 3 || s.agenda() == null) {
      return card(s, n);
    }
    List<Card> shown = s.cards().stream().filter(s::shownHere).toList();
    return shown.isEmpty() ? card(s, n) : shown.get(n % shown.size()).id();
  }

  private static String phaseId(MeetingState s, int n) {
    if (n == -1) {
      return null;
    }
    return n < -1 || s.agenda() == null ? "no-such-phase" : s.agenda().phase(n % s.agenda().size()).id();
  }

  /** The phase's default kind (null), one of its kinds, another kind, or no kind at all. */
  private String kind(MeetingState s) {
    if (flag || s.agenda() == null) {
      return null;
    }
    List<String> kinds = s.phase().cards();
    return switch (Math.floorMod(m, 3)) {
      case 0 -> kinds.isEmpty() ? CardKind.ADVICE : kinds.get(Math.floorMod(m, kinds.size()));
      case 1 -> List.copyOf(CardKind.ALL).get(Math.floorMod(m, CardKind.ALL.size()));
      default -> "gossip";
    };
  }

  /** The waiting speakers turned around, or with someone twice, a stranger or the current speaker in it. */
  private List<String> queue(MeetingState s) {
    List<String> queue = new ArrayList<>(s.speaking().queue());
    java.util.Collections.rotate(queue, n);
    if (!flag) {
      switch (Math.floorMod(m, 4)) {
        case 0 -> queue.add(member(s, m));
        case 1 -> queue.add("p-stranger");
        case 2 -> {
          if (s.speaking().current() != null) {
            queue.add(s.speaking().current());
          }
        }
        default -> queue.clear();
      }
    }
    return queue;
  }

  private String joinCode(MeetingState s) {
    if (!flag || s.joinCode() == null) {
      return n == -1 ? null : "WRNG-CODE";
    }
    return n % 2 == 0 ? s.joinCode() : s.joinCode().toLowerCase(Locale.ROOT).replace("-", " ");
  }

  /** The chair's own version of a catalogue method: sometimes fine, sometimes breaking a rule. */
  private Method ownMethod(Catalogue catalogue) {
    Method base = catalogue.methods().get(Math.floorMod(n, catalogue.methods().size()));
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < base.phases().size(); i++) {
      Phase p = base.phases().get(i);
      String id = flag ? "own-" + i : i == 0 ? text : base.phases().get(Math.floorMod(m, base.phases().size())).id();
      // The chair's own phase ids: what the catalogue's phases carried on from by id is not there.
      phases.add(new Phase(id, new Text(text, "Phase " + i), p.guidance(), p.speaking(), p.cards(), p.silent(),
          p.anonymous(), flag ? p.minutes() : Integer.valueOf(m), List.of(), p.rating()));
    }
    return new Method(flag ? "own" : text, new Text(text, "Own method"), base.purpose(), phases);
  }
}
