// What the server's refusals say to a person, in Dutch and English (docs/PROTOCOL.md section 8).
// The server sends a stable `reason` with `params`; its English `message` is for developers and is
// never shown. A placeholder is {param}; {param:one|other} adds the noun in the right plural form
// after the number ("1 seconde", "30 seconden"). Card kinds, roles, actions and fields in params
// are translated with the maps below.

import { platformName } from './hosts.js';

export const REFUSALS = {
  nl: {
    'bad-command': 'Dat lukte niet door een fout in deze pagina. Laad de pagina opnieuw en probeer het nog eens.',
    'field-required': 'Er ontbreekt nog iets: {field}.',
    'text-invalid': 'In {field} staat een teken dat niet bewaard kan worden. Haal het weg en probeer het opnieuw.',
    'too-long': '{field} is te lang: {length:teken|tekens}, terwijl er hooguit {max} mogen. Maak het wat korter.',

    'meeting-not-found': 'Deze bijeenkomst bestaat niet (meer). Controleer de uitnodigingslink.',
    'meeting-exists': 'Deze bijeenkomst bestaat al. Probeer het opnieuw.',
    'meeting-ended': 'Deze bijeenkomst is afgelopen.',
    'meeting-full': 'Deze bijeenkomst is vol: er kunnen hooguit {max:persoon|personen} meedoen.',
    'already-joined': 'Je doet al mee aan deze bijeenkomst.',
    'wrong-join-code': 'Die deelnamecode klopt niet. Kijk de code nog eens na, of vraag de voorzitter om de uitnodigingslink.',
    'too-many-wrong-codes': 'Er is te vaak een verkeerde code ingevuld. Probeer het over {seconds:seconde|seconden} opnieuw.',
    'not-a-participant': 'Je doet niet (meer) mee aan deze bijeenkomst. Vraag de voorzitter om de uitnodigingslink.',
    'server-only': 'Dat kun je niet zelf doen.',

    'observer-read-only': 'Als observator kijk je mee, maar verander je niets aan de bijeenkomst.',
    'chair-only': 'Alleen de voorzitter kan {action}.',
    'case-bringer-only': 'Alleen de inbrenger kan {action}.',
    'chair-or-case-bringer-only': 'Alleen de voorzitter of de inbrenger kan {action}.',
    'edit-own-cards': 'Je kunt alleen je eigen kaarten aanpassen.',
    'delete-own-cards': 'Je kunt alleen je eigen kaarten weghalen.',
    'author-only': 'Alleen wie de kaart schreef, kan laten zien van wie die is.',

    'phase-moved-on': 'De bijeenkomst is al verder: de voorzitter is naar een andere fase gegaan.',
    'first-phase': 'Dit is al de eerste fase.',
    'last-phase': 'Dit is al de laatste fase. Je kunt de bijeenkomst nu afsluiten.',
    'phase-not-found': 'Die fase staat niet (meer) op de agenda.',
    'phase-not-upcoming': 'Alleen fases die nog moeten komen, kun je overslaan of verplaatsen.',
    'move-after-current': 'Je kunt een fase alleen verplaatsen naar een plek na de huidige fase.',
    'move-within-part': 'Een fase blijft in haar eigen deel van de agenda: de opening, de methode of de afsluiting.',
    'agenda-needs-a-phase': 'De agenda moet minstens één fase houden.',
    'minutes-out-of-range': 'Kies een tijd van {min} tot {max} minuten, of laat de tijd leeg.',
    'method-required': 'Kies eerst een methode.',
    'method-locked': 'De methode is al begonnen en kan niet meer veranderen.',
    'method-invalid': 'Deze methode klopt niet: kijk {field} nog eens na.',
    'method-phase-count': 'Een methode heeft 1 tot {max} fases.',
    'unknown-method': 'Deze methode kent de server niet. Kies een methode uit de lijst.',

    'no-cards-here': 'In deze fase worden geen kaarten verzameld.',
    'no-rating-here': 'In deze fase deelt de inbrenger geen kaarten in.',
    'card-not-on-board': 'Deze kaart hoort niet bij wat deze fase behandelt.',
    'card-kind-not-here': 'In deze fase verzamelen we {allowed}, geen {kind}.',
    'cards-from-the-group': 'Als inbrenger luister en antwoord je hier; kaarten met {kind} schrijft de groep.',
    'owner-only-for-action-points': 'Alleen een actiepunt heeft iemand die het oppakt.',
    'board-full': 'Het bord is vol: er passen hooguit {max:kaart|kaarten} op.',
    'card-not-found': 'Die kaart bestaat niet (meer).',
    'not-a-learning-question': 'Alleen een leervraag kan als casus gekozen worden.',
    'case-locked': 'De methode is al begonnen; de casus ligt nu vast.',
    'learning-question-author-left': 'Wie deze leervraag schreef, doet niet meer mee aan de bijeenkomst.',
    'not-an-action-point': 'Alleen een actiepunt heeft een eigenaar en kan gedaan worden.',
    'action-point-not-yours': 'Alleen wie het actiepunt schreef, wie het oppakt of de voorzitter kan het wijzigen.',
    'carried-point-not-found': 'Dat actiepunt van de vorige keer is er niet (meer).',
    'carried-point-not-yours': 'Alleen wie het actiepunt oppakte, de voorzitter of een begeleider zegt wat ervan terechtkwam.',
    'too-many-carried-points': 'Er gaan hoogstens {max} actiepunten mee naar de volgende bijeenkomst.',
    'vote-budget-spent': 'Je hebt al je stemmen in deze fase gegeven ({max:stem|stemmen}). Haal eerst een stem weg.',
    'vote-budget-out-of-range': 'Kies 0 (onbeperkt) tot {max:stem|stemmen} per persoon.',
    'evaluation-not-yet': 'De bijeenkomst evalueer je in de afsluiting.',
    'score-out-of-range': 'Geef een cijfer van {min} tot {max}.',
    'one-word': 'Vat het samen in één woord, zonder spaties.',

    'nobody-waiting': 'Er wacht niemand om het woord te krijgen.',
    'not-in-speaking-order': 'Je staat niet op de sprekerslijst.',
    'queue-invalid': 'In de sprekerslijst staat iedereen één keer, en niet wie nu het woord heeft.',
    'turn-time-out-of-range': 'De spreektijd per beurt is hooguit {maxMinutes:minuut|minuten} (of geen limiet).',
    'case-bringer-speaks': 'In deze fase is alleen de inbrenger aan het woord.',
    'case-bringer-listens': 'In deze fase luistert de inbrenger naar de groep.',
    'timer-not-running': 'De timer loopt niet, dus je kunt hem niet pauzeren.',
    'timer-not-paused': 'De timer staat niet op pauze.',
    'no-timer': 'Er is nog geen timer. Start er eerst een.',
    'timer-out-of-range': 'Kies een tijd van hooguit {maxMinutes:minuut|minuten}.',

    'participant-not-found': 'Die persoon doet niet (meer) mee aan de bijeenkomst.',
    'backup-is-chair': 'De reserve-voorzitter moet iemand anders zijn dan de voorzitter.',
    'chair-not-removable': 'De voorzitter kan niet weggestuurd worden. Draag het voorzitterschap eerst over.',
    'observer-no-role': '{name} is observator en kan deze rol niet krijgen.',

    'token-invalid': 'Je toegang is verlopen. Open de uitnodigingslink opnieuw.',
    'token-other-meeting': 'Je toegang hoort bij een andere bijeenkomst.',
    'summary-not-allowed': 'Alleen wie in de bijeenkomst zit, kan het verslag lezen.',
    'body-too-large': 'Dit is te veel om in één keer te versturen. Maak het korter.',
    'no-such-endpoint': 'Dat lukte niet door een fout in deze pagina. Laad de pagina opnieuw.',
    'platform-not-configured': 'Aanmelden via {platform} is op deze server niet ingesteld.',
    'platform-proof-refused': 'Aanmelden is niet gelukt: het vergaderplatform kon niet bevestigen wie je bent. Probeer het opnieuw.',
    'not-saved': 'Dat kon even niet bewaard worden. Probeer het zo nog eens.',
    'server-error': 'Er ging iets mis op de server. Probeer het zo nog eens.',
    'name-taken': 'Er doet al iemand mee die {name} heet.',
    'chair-not-open': 'De voorzittersrol is niet vrij: de voorzitter is er, of is nog niet lang genoeg weg.',
    'chair-taken': '{name} heeft de voorzittersrol al overgenomen.',
    'device-link-expired': 'Deze persoonlijke link is verlopen. Maak op je andere apparaat een nieuwe via "Mijn apparaten".',
    'device-link-invalid': 'Deze persoonlijke link klopt niet. Maak op je andere apparaat een nieuwe via "Mijn apparaten".',
    'not-in-meeting': 'Je doet niet meer mee aan deze bijeenkomst: de voorzitter heeft je verwijderd.',

    'group-not-found': 'Deze groep bestaat niet (meer). Controleer de link van de groep.',
    'group-exists': 'Deze groep bestaat al. Probeer het opnieuw.',
    'not-a-group-member': 'Je hoort niet (meer) bij deze groep. Vraag een lid om de link en de code van de groep.',
    'group-full': 'Deze groep is vol: er kunnen hooguit {max:lid|leden} bij.',
    'account-linked-elsewhere': 'Deze aanmelding via {platform} hoort al bij een ander lid van deze groep.',
    'group-steward-only': 'Alleen een begeleider, of wie de groep startte, kan {action}.',
    'chair-or-steward-only': 'Alleen de voorzitter van die bijeenkomst, een begeleider of wie de groep startte, kan {action}.',
    'member-not-found': 'Die persoon hoort niet (meer) bij deze groep.',
    'group-meeting-open': 'Er loopt nog een bijeenkomst van deze groep. Rond die eerst af.',
    'group-meeting-not-found': 'Die bijeenkomst hoort niet bij deze groep.',
    'too-many-cases': 'In één bijeenkomst passen hooguit {max:casus|casussen}.',
    'case-queue-full': 'Er staan al {max:casus|casussen} klaar. Wacht tot er een is besproken of trek er een in.',
    'queued-case-not-found': 'Die casus staat niet (meer) klaar.',
    'case-not-queued': 'Die casus is al gekozen voor een bijeenkomst.',
    'case-author-only': 'Alleen wie de casus inbracht, kan die intrekken.',
    'facilitator-brings-no-case': 'Als begeleider breng je geen casus in.',
    'learning-point-not-found': 'Dat leerpunt bestaat niet (meer).',
    'learning-point-owner-only': 'Alleen wie het leerpunt schreef, kan het aanpassen of weghalen.',
    'learning-points-full': 'Je hebt al {max:leerpunt|leerpunten}. Haal er een weg voor je een nieuw schrijft.',
    'learning-point-notes-full': 'Bij dit leerpunt staan al {max:aantekening|aantekeningen}.',

    'code:bad_request': 'Dat lukte niet: de pagina stuurde iets wat de server niet begreep. Laad de pagina opnieuw.',
    'code:unauthorized': 'Je toegang is verlopen. Open de uitnodigingslink opnieuw.',
    'code:forbidden': 'Dat mag je in deze bijeenkomst niet doen.',
    'code:not_found': 'Dat bestaat niet (meer).',
    'code:conflict': 'Dat kan nu niet: de bijeenkomst is intussen veranderd.',
    'code:too_large': 'Dat is te lang. Maak het korter.',
    'code:rate_limited': 'Dat ging te vaak achter elkaar. Wacht even en probeer het opnieuw.',
    'code:unavailable': 'Dat kon even niet bewaard worden. Probeer het zo nog eens.',
    'code:other': 'Dat is niet gelukt.',
  },
  en: {
    'bad-command': 'That did not work because of a fault in this page. Reload the page and try again.',
    'field-required': 'Something is missing: {field}.',
    'text-invalid': 'There is a character in {field} that cannot be saved. Remove it and try again.',
    'too-long': '{field} is too long: {length:character|characters}, and at most {max} are allowed. Please shorten it.',

    'meeting-not-found': 'This meeting does not exist (any more). Check the invitation link.',
    'meeting-exists': 'This meeting already exists. Please try again.',
    'meeting-ended': 'This meeting has ended.',
    'meeting-full': 'This meeting is full: at most {max:person|people} can take part.',
    'already-joined': 'You are already in this meeting.',
    'wrong-join-code': 'That join code is not right. Check the code, or ask the chair for the invitation link.',
    'too-many-wrong-codes': 'A wrong code was entered too often. Try again in {seconds:second|seconds}.',
    'not-a-participant': 'You are not (or no longer) in this meeting. Ask the chair for the invitation link.',
    'server-only': 'You cannot do that yourself.',

    'observer-read-only': 'As an observer you follow the meeting, but you cannot change it.',
    'chair-only': 'Only the chair can {action}.',
    'case-bringer-only': 'Only the case-bringer can {action}.',
    'chair-or-case-bringer-only': 'Only the chair or the case-bringer can {action}.',
    'edit-own-cards': 'You can only change your own cards.',
    'delete-own-cards': 'You can only remove your own cards.',
    'author-only': 'Only the person who wrote the card can show whose it is.',

    'phase-moved-on': 'The meeting has moved on: the chair has gone to another phase.',
    'first-phase': 'This is already the first phase.',
    'last-phase': 'This is already the last phase. You can end the meeting now.',
    'phase-not-found': 'That phase is not (or no longer) on the agenda.',
    'phase-not-upcoming': 'Only phases still to come can be skipped or moved.',
    'move-after-current': 'A phase can only move to a place after the current phase.',
    'move-within-part': 'A phase stays in its own part of the agenda: the opening, the method or the closing.',
    'agenda-needs-a-phase': 'The agenda must keep at least one phase.',
    'minutes-out-of-range': 'Choose a time of {min} to {max} minutes, or leave the time empty.',
    'method-required': 'Choose a method first.',
    'method-locked': 'The method has started and can no longer change.',
    'method-invalid': 'This method is not right: check {field}.',
    'method-phase-count': 'A method has 1 to {max} phases.',
    'unknown-method': 'The server does not know this method. Choose one from the list.',

    'no-cards-here': 'This phase collects no cards.',
    'no-rating-here': 'The case-bringer does not rate cards in this phase.',
    'card-not-on-board': 'This card is not among those this phase works on.',
    'card-kind-not-here': 'In this phase we collect {allowed}, not {kind}.',
    'cards-from-the-group': 'As the case-bringer you listen and answer here; the group writes the {kind}.',
    'owner-only-for-action-points': 'Only an action point has someone who takes it on.',
    'board-full': 'The board is full: it holds at most {max:card|cards}.',
    'card-not-found': 'That card does not exist (any more).',
    'not-a-learning-question': 'Only a learning question can be chosen as the case.',
    'case-locked': 'The method has started; the case is now fixed.',
    'learning-question-author-left': 'The person who wrote this learning question is no longer in the meeting.',
    'not-an-action-point': 'Only an action point has an owner and can be done.',
    'action-point-not-yours': 'Only who wrote the action point, who took it on, or the chair can change it.',
    'carried-point-not-found': 'That action point from last time is not here (any more).',
    'carried-point-not-yours': 'Only who took the action point on, the chair or a facilitator says what came of it.',
    'too-many-carried-points': 'At most {max} action points carry over to the next meeting.',
    'vote-budget-spent': 'You have given all your votes in this phase ({max:vote|votes}). Take one back first.',
    'vote-budget-out-of-range': 'Choose 0 (no limit) to {max:vote|votes} per person.',
    'evaluation-not-yet': 'The meeting is evaluated in its closing.',
    'score-out-of-range': 'Give a score from {min} to {max}.',
    'one-word': 'Sum it up in one word, without spaces.',

    'nobody-waiting': 'Nobody is waiting to speak.',
    'not-in-speaking-order': 'You are not in the speaking order.',
    'queue-invalid': 'Everyone appears in the speaking order once, and not the person speaking now.',
    'turn-time-out-of-range': 'The time per turn is at most {maxMinutes:minute|minutes} (or no limit).',
    'case-bringer-speaks': 'In this phase only the case-bringer speaks.',
    'case-bringer-listens': 'In this phase the case-bringer listens to the group.',
    'timer-not-running': 'The timer is not running, so it cannot be paused.',
    'timer-not-paused': 'The timer is not paused.',
    'no-timer': 'There is no timer yet. Start one first.',
    'timer-out-of-range': 'Choose a time of at most {maxMinutes:minute|minutes}.',

    'participant-not-found': 'That person is not (or no longer) in the meeting.',
    'backup-is-chair': 'The backup chair must be someone other than the chair.',
    'chair-not-removable': 'The chair cannot be removed. Hand the chair over first.',
    'observer-no-role': '{name} is an observer and cannot take this role.',

    'token-invalid': 'Your access has expired. Open the invitation link again.',
    'token-other-meeting': 'Your access belongs to another meeting.',
    'summary-not-allowed': 'Only the people in the meeting can read its summary.',
    'body-too-large': 'This is too much to send at once. Please shorten it.',
    'no-such-endpoint': 'That did not work because of a fault in this page. Reload the page.',
    'platform-not-configured': 'Signing in through {platform} is not set up on this server.',
    'platform-proof-refused': 'Signing in did not work: the meeting platform could not confirm who you are. Please try again.',
    'not-saved': 'That could not be saved just now. Please try again in a moment.',
    'server-error': 'Something went wrong on the server. Please try again in a moment.',
    'name-taken': 'Someone called {name} is already in this meeting.',
    'chair-not-open': 'The chair is not free: the chair is here, or has not been away long enough.',
    'chair-taken': '{name} has already taken the chair.',
    'device-link-expired': 'This personal link has expired. Make a new one under "My devices" on your other device.',
    'device-link-invalid': 'This personal link is not right. Make a new one under "My devices" on your other device.',
    'not-in-meeting': 'You are no longer in this meeting: the chair removed you.',

    'group-not-found': 'This group does not exist (any more). Check the group\'s link.',
    'group-exists': 'This group already exists. Please try again.',
    'not-a-group-member': 'You are not (or no longer) a member of this group. Ask a member for the group\'s link and code.',
    'group-full': 'This group is full: it has room for at most {max:member|members}.',
    'account-linked-elsewhere': 'This {platform} sign-in already belongs to another member of this group.',
    'group-steward-only': 'Only a facilitator, or whoever started the group, can {action}.',
    'chair-or-steward-only': 'Only the chair of that meeting, a facilitator or whoever started the group can {action}.',
    'member-not-found': 'That person is not (or no longer) in this group.',
    'group-meeting-open': 'A meeting of this group is still going on. Finish it first.',
    'group-meeting-not-found': 'That meeting does not belong to this group.',
    'too-many-cases': 'One meeting has room for at most {max:case|cases}.',
    'case-queue-full': 'There are already {max:case|cases} waiting. Wait until one is discussed, or withdraw one.',
    'queued-case-not-found': 'That case is not (or no longer) waiting.',
    'case-not-queued': 'That case has already been picked for a meeting.',
    'case-author-only': 'Only who put a case forward can withdraw it.',
    'facilitator-brings-no-case': 'As a facilitator you do not bring a case.',
    'learning-point-not-found': 'That learning point does not exist (any more).',
    'learning-point-owner-only': 'Only who wrote a learning point can change or delete it.',
    'learning-points-full': 'You already have {max:learning point|learning points}. Delete one before writing a new one.',
    'learning-point-notes-full': 'This learning point already has {max:note|notes}.',

    'code:bad_request': 'That did not work: the page sent something the server did not understand. Reload the page.',
    'code:unauthorized': 'Your access has expired. Open the invitation link again.',
    'code:forbidden': 'You cannot do that in this meeting.',
    'code:not_found': 'That does not exist (any more).',
    'code:conflict': 'That is not possible now: the meeting has changed in the meantime.',
    'code:too_large': 'That is too long. Please shorten it.',
    'code:rate_limited': 'That happened too often in a row. Wait a moment and try again.',
    'code:unavailable': 'That could not be saved just now. Please try again in a moment.',
    'code:other': 'That did not work.',
  },
};

export const ROLE_NAMES = {
  nl: { chair: 'voorzitter', 'case-bringer': 'inbrenger', participant: 'deelnemer', observer: 'observator' },
  en: { chair: 'chair', 'case-bringer': 'case-bringer', participant: 'participant', observer: 'observer' },
};

/** Card kinds as a word inside a sentence ("geen advies"). */
export const CARD_KIND_NAMES = {
  nl: {
    'learning-question': 'leervragen', 'information-question': 'informatievragen',
    'deepening-question': 'verdiepende vragen', hypothesis: 'hypotheses', advice: 'advies',
    recognition: 'herkenning', 'action-point': 'actiepunten', 'look-back': 'terugblikken',
  },
  en: {
    'learning-question': 'learning questions', 'information-question': 'information questions',
    'deepening-question': 'deepening questions', hypothesis: 'hypotheses', advice: 'advice',
    recognition: 'recognition', 'action-point': 'action points', 'look-back': 'look-back notes',
  },
};

/** What only the chair or the case-bringer may do, by command type, to follow "Only the chair can". */
export const ACTION_NAMES = {
  nl: {
    advancePhase: 'naar de volgende fase gaan', previousPhase: 'teruggaan naar de vorige fase',
    chooseMethod: 'de methode kiezen', skipPhase: 'een fase overslaan', movePhase: 'een fase verplaatsen',
    retimePhase: 'de tijd van een fase aanpassen', startTimer: 'de timer starten', pauseTimer: 'de timer pauzeren',
    resumeTimer: 'de timer hervatten', extendTimer: 'de timer verlengen', revealCards: 'de kaarten laten zien',
    chooseLearningQuestion: 'de leervraag kiezen', chooseCaseBringer: 'de inbrenger kiezen',
    handOverChair: 'het voorzitterschap overdragen', nameBackupChair: 'een reserve-voorzitter aanwijzen',
    removeParticipant: 'iemand uit de bijeenkomst halen', nextSpeaker: 'het woord aan de volgende geven',
    startRound: 'een rondje starten', reorderSpeakers: 'de volgorde van de sprekers veranderen',
    queueSpeaker: 'iemand op de sprekerslijst zetten', setTurnTime: 'de spreektijd per beurt instellen',
    endMeeting: 'de bijeenkomst afsluiten', rateCard: 'kaarten waarderen', markKeyQuestion: 'de kernvraag aanwijzen',
    markAnswered: 'een kaart als beantwoord markeren', setVoteBudget: 'het aantal stemmen instellen',
    removeMember: 'iemand uit de groep halen', setMemberRole: 'iemands rol in de groep veranderen',
    updateSettings: 'de instellingen van de groep veranderen', eraseCarryOver: 'de actiepunten, leerpunten en presentielijst wissen',
    eraseGroup: 'de groep wissen', endGroupMeeting: 'de bijeenkomst afronden', correctAttendance: 'de presentie corrigeren',
  },
  en: {
    advancePhase: 'move to the next phase', previousPhase: 'move back a phase',
    chooseMethod: 'choose the method', skipPhase: 'skip a phase', movePhase: 'move a phase',
    retimePhase: "change a phase's time", startTimer: 'start the timer', pauseTimer: 'pause the timer',
    resumeTimer: 'resume the timer', extendTimer: 'extend the timer', revealCards: 'reveal the cards',
    chooseLearningQuestion: 'choose the learning question', chooseCaseBringer: 'choose the case-bringer',
    handOverChair: 'hand over the chair', nameBackupChair: 'name a backup chair',
    removeParticipant: 'remove someone from the meeting', nextSpeaker: 'give the floor to the next speaker',
    startRound: 'start a round', reorderSpeakers: 'reorder the speakers',
    queueSpeaker: 'put someone in the speaking order', setTurnTime: 'set the time per turn',
    endMeeting: 'end the meeting', rateCard: 'rate cards', markKeyQuestion: 'mark the key question',
    markAnswered: 'mark a card answered', setVoteBudget: 'set the number of votes',
    removeMember: 'remove someone from the group', setMemberRole: "change someone's role in the group",
    updateSettings: "change the group's settings", eraseCarryOver: 'erase the action points, learning points and register',
    eraseGroup: 'erase the group', endGroupMeeting: 'finish the meeting', correctAttendance: 'correct the attendance',
  },
};

/** The fields a person types or picks, as they would name them. */
const FIELD_NAMES = {
  nl: {
    text: 'de tekst', name: 'je naam', chairName: 'je naam', title: 'de titel', joinCode: 'de deelnamecode',
    cardId: 'de kaart', phaseId: 'de fase', participantId: 'de persoon', queue: 'de sprekerslijst',
    ownerId: 'de eigenaar', word: 'het woord',
    creatorName: 'je naam', note: 'de toelichting', methodId: 'de methode', memberId: 'het lid',
    groupMeetingId: 'de bijeenkomst', role: 'de rol', sharing: 'met wie je het deelt',
  },
  en: {
    text: 'the text', name: 'your name', chairName: 'your name', title: 'the title', joinCode: 'the join code',
    cardId: 'the card', phaseId: 'the phase', participantId: 'the person', queue: 'the speaking order',
    ownerId: 'the owner', word: 'the word',
    creatorName: 'your name', note: 'the note', methodId: 'the method', memberId: 'the member',
    groupMeetingId: 'the meeting', role: 'the role', sharing: 'whom you share it with',
  },
};

const NOT_FOUND = { nl: 'dit doen', en: 'do this' };

function languageOf(lang) {
  return lang === 'nl' || lang === 'en' ? lang : 'en';
}

function list(lang, words) {
  if (typeof Intl.ListFormat === 'function') {
    return new Intl.ListFormat(lang, { type: 'disjunction' }).format(words);
  }
  return words.join(', ');
}

/** A param's value as the person reads it: translated when it names a kind, role, action or field. */
function paramText(lang, name, value) {
  if (typeof value === 'number') {
    return new Intl.NumberFormat(lang).format(value);
  }
  const text = String(value ?? '');
  switch (name) {
    case 'kind':
      return CARD_KIND_NAMES[lang][text] ?? text;
    case 'allowed':
      return list(lang, text.split(',').filter(Boolean).map((kind) => CARD_KIND_NAMES[lang][kind] ?? kind));
    case 'role':
      return ROLE_NAMES[lang][text] ?? text;
    case 'action':
      return ACTION_NAMES[lang][text] ?? NOT_FOUND[lang];
    case 'field':
      return FIELD_NAMES[lang][text] ?? (lang === 'nl' ? `het veld '${text}'` : `the field '${text}'`);
    case 'platform':
      return platformName(text);
    default:
      return text;
  }
}

/** {count:one|other}: the number, then the noun in the plural form the language picks for it. */
function counted(lang, value, forms) {
  const [one, other] = forms.split('|');
  const n = Number(value);
  const form = Number.isFinite(n) && new Intl.PluralRules(lang).select(n) === 'one' ? one : (other ?? one);
  return `${paramText(lang, '', Number.isFinite(n) ? n : value)} ${form}`;
}

/**
 * The text for a refusal, in `lang` ('nl' or 'en'): for its reason if the page knows it, else for its
 * code, else a plain "that did not work". Never the server's English message.
 *
 * @param error a socket `error` frame ({code, reason, params, message, temporary}) or a REST error body
 *     ({error, reason, params, message}); an object with the same fields (an Error carrying them) works too
 */
export function refusalText(lang, error) {
  const language = languageOf(lang);
  const texts = REFUSALS[language];
  const code = error?.code ?? error?.error;
  const params = error?.params ?? {};
  const text = (error?.reason && texts[error.reason]) || texts[`code:${code}`] || texts['code:other'];
  if (!error?.reason || !texts[error.reason]) {
    return text; // a code's text names no params
  }
  const filled = text.replace(/\{(\w+)(?::([^}]*))?\}/g, (_, name, forms) =>
    forms ? counted(language, params[name], forms) : paramText(language, name, params[name]));
  // "je naam is te lang" starts a sentence; a person's name at the start is left as they typed it.
  return text.startsWith('{field') ? filled.charAt(0).toUpperCase() + filled.slice(1) : filled;
}
