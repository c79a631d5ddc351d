// Dutch and English. The page follows the browser's language until someone picks one.

const TEXTS = {
  nl: {
    appName: 'Intervision Panel',
    language: 'English', languageLabel: 'Switch to English',
    themeDark: 'Donker', themeLight: 'Licht', themeLabel: 'Wissel licht en donker',
    createTitle: 'Nieuwe intervisiebijeenkomst', meetingTitle: 'Titel', yourName: 'Je naam', method: 'Methode',
    create: 'Bijeenkomst starten', createHint: 'Je wordt voorzitter en krijgt een link om te delen.',
    joinHint: 'Heb je een uitnodigingslink? Open die; je komt dan hier terecht om mee te doen.',
    joinTitle: 'Meedoen aan de bijeenkomst', joinNamed: 'Meedoen aan “{title}”',
    invitesOpen: 'Deelnemers mogen ook uitnodigen (zij zien dan de link en de code)',
    invitedBy: 'Voorzitter: {name}.', invitationMethod: 'Methode: {method}.', observer: 'Alleen meekijken (observator)', join: 'Meedoen',
    notInMeeting: 'Je doet nog niet mee aan deze bijeenkomst. Vraag de voorzitter om de uitnodigingslink.',
    backHome: 'Naar het begin',
    online: 'Verbonden', offline: 'Geen verbinding', connecting: 'Verbinden…',
    reconnecting: 'Verbinding verbroken. Opnieuw verbinden over {s} s…',
    lostForGood: 'De verbinding is gesloten: {reason}',
    whileAway: 'Terwijl je weg was: {what}',
    nChanges: { one: '{n} wijziging', other: '{n} wijzigingen' }, nCards: { one: '{n} nieuwe kaart', other: '{n} nieuwe kaarten' },
    nJoined: { one: '{n} persoon erbij', other: '{n} personen erbij' }, phaseNow: 'nu in fase "{phase}"',
    chairNow: '{name} is nu voorzitter', endedMeanwhile: 'de bijeenkomst is beëindigd',
    phaseOf: 'Fase {n} van {total}', part_opening: 'Opening', part_method: 'Methode', part_closing: 'Afronding',
    previous: 'Vorige fase', next: 'Volgende fase',
    confirmNext: 'Nog niet iedereen is klaar ({done} van {total}). Toch door naar de volgende fase?',
    timer: 'Tijd', startTimer: 'Start {m} min', pause: 'Pauze', resume: 'Verder', plusMinute: '+1 min',
    timerPausedBecause: 'Gepauzeerd: de inbrenger is weggevallen.', noTimer: 'Geen timer',
    done: 'Ik ben klaar', notDone: 'Toch nog niet klaar', doneCount: '{done} van {total} klaar',
    speaking: 'Spreekvolgorde', nowSpeaking: 'Aan het woord', nobodySpeaking: 'Niemand heeft het woord.',
    queue: 'Wachtrij', raiseHand: 'Hand opsteken', lowerHand: 'Hand laten zakken', pass: 'Beurt overslaan',
    nextSpeaker: 'Volgende spreker', startRound: 'Start een ronde',
    speaks_round: 'Ieder om de beurt', speaks_free: 'Vrij gesprek, steek je hand op',
    'speaks_case-bringer': 'Alleen de inbrenger spreekt', speaks_chair: 'De voorzitter leidt',
    board: 'Bord', noCards: 'Nog geen kaarten in deze fase.', collectsNothing: 'In deze fase komt niets op het bord.',
    addCard: 'Toevoegen', newCard: 'Nieuwe kaart', kind: 'Soort kaart',
    'kind_learning-question': 'Leervraag', 'kind_information-question': 'Informatievraag',
    'kind_deepening-question': 'Verdiepende vraag', kind_hypothesis: 'Hypothese', kind_advice: 'Advies',
    kind_recognition: 'Herkenning', 'kind_action-point': 'Actiepunt',
    silentPhase: 'Stil schrijven: anderen zien je kaarten pas als de voorzitter ze zichtbaar maakt.',
    anonymousPhase: 'Anoniem: niemand ziet wie wat schreef.',
    reveal: { one: '{n} verborgen kaart zichtbaar maken', other: '{n} verborgen kaarten zichtbaar maken' }, hiddenCard: 'Verborgen kaart van {name}',
    hiddenCardAnon: 'Verborgen kaart', anonymous: 'anoniem', you: 'jij',
    vote: 'Stem op deze kaart', votes: { one: '{n} stem', other: '{n} stemmen' }, edit: 'Bewerk', save: 'Opslaan', cancel: 'Annuleren', remove: 'Verwijder',
    confirmRemove: 'Deze kaart verwijderen?', revealMine: 'Laat zien dat deze van mij is',
    warm: 'Warm', neutral: 'Neutraal', cold: 'Koud', key: 'Kernvraag', markKey: 'Markeer als kernvraag',
    ratingHint: 'Deel elke vraag in als warm, neutraal of koud, en markeer zo nodig de kernvraag.',
    agenda: 'Agenda', now: 'Nu', phaseDone: 'Gedaan', noMinutes: 'geen tijd',
    minutes: { one: '{n} minuut', other: '{n} minuten' }, plannedMinutes: { one: 'Nog {n} minuut gepland', other: 'Nog {n} minuten gepland' },
    minutesLabel: 'Minuten', minutesFor: 'Minuten voor {phase}', setMinutes: 'Tijd instellen', setMinutesFor: 'Tijd instellen voor {phase}',
    earlierPhase: '{phase} eerder zetten', laterPhase: '{phase} later zetten', skip: 'Overslaan', skipPhase: '{phase} overslaan',
    confirmSkip: 'De fase "{phase}" overslaan?',
    chooseMethod: 'Methode kiezen', chooseMethodNow: 'De leervraag is gekozen: kies nu de methode die erbij past.',
    chooseMethodLater: 'Je kunt de methode nog wijzigen tot de methode begint.',
    methodLaterHint: 'Je kunt de methode later in de agenda nog wijzigen, als de leervraag bekend is.',
    timerPaused: 'Gepauzeerd', overtime: 'Over tijd', timerRunning: 'Loopt', startTimerLabel: 'Timer starten',
    restartTimerLabel: 'Timer opnieuw starten', timerMinutes: 'Aantal minuten', startCustom: 'Start',
    answered: 'Beantwoord', markAnswered: 'Markeer als beantwoord', moreActions: 'Meer acties', chooseCase: 'Kies als casus',
    chosenQuestion: 'Gekozen leervraag', owner: 'Eigenaar', actionPoints: 'Actiepunten', noActionPoints: 'Nog geen actiepunten.',
    people: 'Deelnemers', role_chair: 'voorzitter', role_participant: 'deelnemer', role_observer: 'observator',
    caseBringer: 'inbrenger', backup: 'reserve-voorzitter', handOver: 'Voorzitterschap overdragen aan',
    handOverButton: 'Draag over', backupChair: 'Reserve-voorzitter', noBackup: '(geen)', setBackup: 'Wijs aan',
    confirmHandOver: 'Voorzitterschap overdragen aan {name}?',
    removePerson: 'Iemand uit de bijeenkomst verwijderen', removePersonButton: 'Verwijderen',
    confirmRemovePerson: '{name} uit de bijeenkomst verwijderen? Wat {name} schreef blijft op het bord.',
    invite: 'Uitnodigen', joinCode: 'Code', copy: 'Kopieer de link', copied: 'Link gekopieerd',
    endMeeting: 'Bijeenkomst beëindigen', confirmEnd: 'De bijeenkomst beëindigen? Niemand kan daarna nog iets wijzigen.',
    ended: 'Deze bijeenkomst is beëindigd.', summary: 'Toon het verslag',
    announcePhase: 'Nieuwe fase: {phase}', announceSpeaker: 'Aan het woord: {name}',
    refused: 'Niet gelukt: {message}', close_4401: 'je toegang is verlopen; open de uitnodigingslink opnieuw',
    close_4403: 'deze pagina mag geen verbinding maken', close_4404: 'de bijeenkomst bestaat niet meer of is beëindigd',
    close_other: 'onbekende fout ({code})', close_removed: 'de voorzitter heeft je uit de bijeenkomst verwijderd',
    signingIn: 'Aanmelden via {platform}…', signInFailed: 'Aanmelden via {platform} lukte niet: {message}. Gebruik de uitnodigingslink.',
    reconnectingNow: 'Verbinding verbroken. Opnieuw verbinden…',
    nameTaken: 'Er doet al iemand mee die {name} heet.',
    nameTakenYou: 'Ben jij dat, op een ander apparaat? Open daar "Mijn apparaten" en open je persoonlijke link hier (of scan de QR-code). Dan ben je op beide apparaten dezelfde persoon.',
    nameTakenOther: 'Ben je iemand anders met dezelfde naam?', joinAnyway: 'Toch meedoen als {name}',
    myDevices: 'Mijn apparaten', myDevicesHint: 'Open deze link of scan de code op je andere apparaat. Je bent daar dan dezelfde persoon. Deel hem met niemand: hij is van jou.',
    deviceLinkButton: 'Persoonlijke link maken', deviceValidUntil: 'Geldig tot {time}.', deviceLinkLabel: 'Je persoonlijke link',
    claimingDevice: 'Je plek openen op dit apparaat…', claimFailed: 'Je persoonlijke link werkt niet (meer): {message}',
    qrLabel: 'QR-code met je persoonlijke link', copyDevice: 'Kopieer mijn link',
    inviteHint: 'Deel deze link met de groep. Wie hem opent, kan meedoen met de code.',
    yourTurn: 'Je bent aan de beurt.', method_label: 'Methode',
    finishTurn: 'Klaar met mijn beurt', nextSpeakerSkip: 'Geef het woord door', yourTurnNow: 'Jij bent aan de beurt.',
    turnTimeLeft: 'Resterende spreektijd',
    turnTimeIs: { one: 'Spreektijd per beurt: {n} minuut', other: 'Spreektijd per beurt: {n} minuten' },
    yourPlace: 'Jij bent nummer {n} in de wachtrij.', skippedAway: 'Overgeslagen, niet verbonden',
    awaySkipped: 'offline, overgeslagen tot terug', handUp: 'hand opgestoken', moveUp: '{name} eerder laten spreken',
    skipSpeaker: 'Overslaan', skipSpeakerLabel: '{name} overslaan', turnTimeLabel: 'Spreektijd per beurt',
    noTurnTime: 'Geen limiet', minutesShort: '{m} min', turnSound: 'Geluid als ik aan de beurt ben',
    askReadiness: 'Vraag of iedereen klaar is', offlineBadge: 'offline',
    chairAway: 'De voorzitter ({name}) is weg.', chairOpen: 'Iedereen kan de voorzittersrol nu overnemen.',
    chairAwayBackup: 'Blijft de voorzitter weg, dan neemt {name} het over.',
    chairAwayWait: 'Blijft de voorzitter weg, dan kan straks iedereen de voorzittersrol overnemen.',
    takeChair: 'Neem de voorzittersrol over', chairTookOver: '{name} is voorzitter, omdat {former} weg was.',
    chairTookOverYou: 'Jij bent voorzitter, omdat {former} weg was.', giveChairBack: 'Geef de voorzittersrol terug aan {name}',
    backupPrompt: 'Wijs een reserve-voorzitter aan, voor als je verbinding wegvalt', notNow: 'Niet nu',
    noticeBackupTookOver: '{former} is weg; reserve-voorzitter {name} heeft de voorzittersrol overgenomen.',
    noticeChairTaken: '{name} heeft de voorzittersrol overgenomen, omdat {former} weg was.',
    noticeDismiss: 'Sluiten',
    // Action points, silent writing, votes, the closing and the summary.
    carriedTitle: 'Actiepunten van de vorige keer', carriedHint: 'Loop ze samen langs: wie het oppakte (of de voorzitter) zegt wat ervan terechtkwam.',
    carriedOpen: { one: 'nog {n} te bespreken', other: 'nog {n} te bespreken' }, carriedWhatBecame: 'Wat kwam ervan terecht?',
    carried_open: 'nog niet besproken', carried_done: 'gedaan', 'carried_not-done': 'niet gedaan', 'carried_carried-on': 'loopt door',
    carriedMark_done: 'Gedaan', 'carriedMark_not-done': 'Niet gedaan', 'carriedMark_carried-on': 'Loopt door',
    'kind_look-back': 'Terugblik', ownerLabel: 'Eigenaar', nobodyYet: 'nog niemand', pickOwner: 'Kies een eigenaar', assign: 'Wijs toe', markPointDone: 'Markeer als gedaan',
    markPointOpen: 'Markeer als niet gedaan', pointDone: 'gedaan', confirmRemovePoint: 'Dit actiepunt verwijderen?',
    writingProgress: { one: '{n} van {of} heeft geschreven', other: '{n} van {of} hebben geschreven' },
    yourVote: 'Jouw stem', voted: 'Gestemd', sortByVotes: 'Sorteer op stemmen', sortAsWritten: 'Sorteer op volgorde',
    voteBudget: { one: 'Iedereen heeft {n} stem in deze fase.', other: 'Iedereen heeft {n} stemmen in deze fase.' },
    votesLeft: { one: 'Je hebt nog {n} stem over.', other: 'Je hebt nog {n} stemmen over.' },
    voteBudgetLabel: 'Stemmen per persoon in deze fase (0 = onbeperkt)', setVoteBudget: 'Stel in',
    evaluation: 'Evaluatie', evaluationHint: 'Geef de bijeenkomst een cijfer en vat haar samen in één woord.',
    score: 'Cijfer (1-10)', oneWord: 'Eén woord', giveEvaluation: 'Geef evaluatie', yourEvaluation: 'Jouw evaluatie',
    evaluations: 'Evaluaties', noEvaluations: 'Nog geen evaluaties.',
    endChoice: 'Bijeenkomst beëindigen', endOnly: 'Beëindigen', endAndErase: 'Beëindigen en nu wissen',
    endHint: 'Na beëindigen kan niemand nog iets wijzigen. Iedereen leest daarna het verslag, tot de bewaartermijn verstrijkt.',
    eraseWarning: 'Let op: wissen verwijdert direct alles wat in deze bijeenkomst is geschreven. Er blijft geen verslag over, voor niemand. Dit kan niet ongedaan worden gemaakt.',
    confirmErase: 'De bijeenkomst beëindigen en alles nu wissen? Er blijft geen verslag over.',
    summaryTitle: 'Verslag', summaryDate: 'Datum', summaryAttendees: 'Aanwezig', learningQuestion: 'Leervraag',
    keyQuestion: 'Kernvraag', insights: 'Inzichten', caseRecord: 'Verloop van de casus (voor voorzitter en inbrenger)',
    copySummary: 'Kopieer verslag', downloadSummary: 'Download als Markdown', printSummary: 'Afdrukken of opslaan als pdf',
    summaryCopied: 'Verslag gekopieerd', loadingSummary: 'Verslag laden…', noneYet: 'Geen.',
    erasedNow: 'De voorzitter heeft de bijeenkomst beëindigd en alles gewist. Er is geen verslag.',
  },
  en: {
    appName: 'Intervision Panel',
    language: 'Nederlands', languageLabel: 'Wissel naar Nederlands',
    themeDark: 'Dark', themeLight: 'Light', themeLabel: 'Switch light and dark',
    createTitle: 'New intervision meeting', meetingTitle: 'Title', yourName: 'Your name', method: 'Method',
    create: 'Start the meeting', createHint: 'You will chair it and get a link to share.',
    joinHint: 'Got an invitation link? Open it and you will land here to join.',
    joinTitle: 'Join the meeting', joinNamed: 'Join “{title}”',
    invitesOpen: 'Participants may invite too (they then see the link and the code)',
    invitedBy: 'Chair: {name}.', invitationMethod: 'Method: {method}.', observer: 'Only watch (observer)', join: 'Join',
    notInMeeting: 'You are not in this meeting yet. Ask the chair for the invitation link.',
    backHome: 'Back to the start',
    online: 'Connected', offline: 'Disconnected', connecting: 'Connecting…',
    reconnecting: 'Connection lost. Reconnecting in {s} s…',
    lostForGood: 'The connection was closed: {reason}',
    whileAway: 'While you were away: {what}',
    nChanges: { one: '{n} change', other: '{n} changes' }, nCards: { one: '{n} new card', other: '{n} new cards' },
    nJoined: { one: '{n} person joined', other: '{n} people joined' }, phaseNow: 'now in phase "{phase}"',
    chairNow: '{name} chairs now', endedMeanwhile: 'the meeting has ended',
    phaseOf: 'Phase {n} of {total}', part_opening: 'Opening', part_method: 'Method', part_closing: 'Closing',
    previous: 'Previous phase', next: 'Next phase',
    confirmNext: 'Not everyone is done yet ({done} of {total}). Move to the next phase anyway?',
    timer: 'Time', startTimer: 'Start {m} min', pause: 'Pause', resume: 'Resume', plusMinute: '+1 min',
    timerPausedBecause: 'Paused: the case-bringer dropped out.', noTimer: 'No timer',
    done: "I'm done", notDone: 'Not done after all', doneCount: '{done} of {total} done',
    speaking: 'Speaking order', nowSpeaking: 'Speaking', nobodySpeaking: 'Nobody has the floor.',
    queue: 'Queue', raiseHand: 'Raise hand', lowerHand: 'Lower hand', pass: 'Pass my turn',
    nextSpeaker: 'Next speaker', startRound: 'Start a round',
    speaks_round: 'Everyone in turn', speaks_free: 'Open conversation, raise your hand',
    'speaks_case-bringer': 'Only the case-bringer speaks', speaks_chair: 'The chair leads',
    board: 'Board', noCards: 'No cards in this phase yet.', collectsNothing: 'Nothing goes on the board in this phase.',
    addCard: 'Add', newCard: 'New card', kind: 'Kind',
    'kind_learning-question': 'Learning question', 'kind_information-question': 'Information question',
    'kind_deepening-question': 'Deepening question', kind_hypothesis: 'Hypothesis', kind_advice: 'Advice',
    kind_recognition: 'Recognition', 'kind_action-point': 'Action point',
    silentPhase: 'Silent writing: others see your cards only when the chair reveals them.',
    anonymousPhase: 'Anonymous: nobody sees who wrote what.',
    reveal: { one: 'Show the {n} hidden card', other: 'Show the {n} hidden cards' }, hiddenCard: 'Hidden card by {name}', hiddenCardAnon: 'Hidden card',
    anonymous: 'anonymous', you: 'you',
    vote: 'Vote', votes: { one: '{n} vote', other: '{n} votes' }, edit: 'Edit', save: 'Save', cancel: 'Cancel', remove: 'Delete',
    confirmRemove: 'Delete this card?', revealMine: 'Show that this one is mine',
    warm: 'Warm', neutral: 'Neutral', cold: 'Cold', key: 'Key question', markKey: 'Mark as key question',
    ratingHint: 'Sort each question as warm, neutral or cold, and mark the key question if there is one.',
    agenda: 'Agenda', now: 'Now', phaseDone: 'Done', noMinutes: 'no time set',
    minutes: { one: '{n} minute', other: '{n} minutes' }, plannedMinutes: { one: '{n} minute planned from here', other: '{n} minutes planned from here' },
    minutesLabel: 'Minutes', minutesFor: 'Minutes for {phase}', setMinutes: 'Set time', setMinutesFor: 'Set the time for {phase}',
    earlierPhase: 'Move {phase} earlier', laterPhase: 'Move {phase} later', skip: 'Skip', skipPhase: 'Skip {phase}',
    confirmSkip: 'Skip the phase "{phase}"?',
    chooseMethod: 'Choose method', chooseMethodNow: 'The learning question is chosen: now choose the method that suits it.',
    chooseMethodLater: 'You can change the method until it begins.',
    methodLaterHint: 'You can still change the method later in the agenda, once the learning question is known.',
    timerPaused: 'Paused', overtime: 'Overtime', timerRunning: 'Running', startTimerLabel: 'Start the timer',
    restartTimerLabel: 'Start the timer again', timerMinutes: 'Number of minutes', startCustom: 'Start',
    answered: 'Answered', markAnswered: 'Mark as answered', moreActions: 'More actions', chooseCase: 'Choose as the case',
    chosenQuestion: 'Chosen learning question', owner: 'Owner', actionPoints: 'Action points', noActionPoints: 'No action points yet.',
    people: 'People', role_chair: 'chair', role_participant: 'participant', role_observer: 'observer',
    caseBringer: 'case-bringer', backup: 'backup chair', handOver: 'Hand the chair over to',
    handOverButton: 'Hand over', backupChair: 'Backup chair', noBackup: '(none)', setBackup: 'Set',
    confirmHandOver: 'Hand the chair over to {name}?',
    removePerson: 'Remove someone from the meeting', removePersonButton: 'Remove',
    confirmRemovePerson: 'Remove {name} from the meeting? What {name} wrote stays on the board.',
    invite: 'Invite', joinCode: 'Code', copy: 'Copy link', copied: 'Link copied',
    endMeeting: 'End the meeting', confirmEnd: 'End the meeting? Nobody can change anything after that.',
    ended: 'This meeting has ended.', summary: 'Show the summary',
    announcePhase: 'New phase: {phase}', announceSpeaker: 'Now speaking: {name}',
    refused: 'Did not work: {message}', close_4401: 'your access expired; open the invitation link again',
    close_4403: 'this page may not connect', close_4404: 'the meeting no longer exists or has ended',
    close_other: 'unknown error ({code})', close_removed: 'the chair removed you from the meeting',
    signingIn: 'Signing in through {platform}…', signInFailed: 'Signing in through {platform} did not work: {message}. Use the invitation link.',
    reconnectingNow: 'Connection lost. Reconnecting…',
    nameTaken: 'Someone called {name} is already in this meeting.',
    nameTakenYou: 'Is that you, on another device? Open "My devices" there and open your personal link here (or scan its QR code). You are then the same person on both.',
    nameTakenOther: 'Are you someone else with the same name?', joinAnyway: 'Join as {name} anyway',
    myDevices: 'My devices', myDevicesHint: 'Open this link or scan the code on your other device, and you are the same person there. Share it with nobody: it is yours.',
    deviceLinkButton: 'Make a personal link', deviceValidUntil: 'Valid until {time}.', deviceLinkLabel: 'Your personal link',
    claimingDevice: 'Opening your seat on this device…', claimFailed: 'Your personal link does not work (any more): {message}',
    qrLabel: 'QR code with your personal link', copyDevice: 'Copy my link',
    inviteHint: 'Share this link with the group. Whoever opens it can join with the code.',
    yourTurn: 'It is your turn.', method_label: 'Method',
    finishTurn: 'Finish my turn', nextSpeakerSkip: 'Give the floor to the next', yourTurnNow: 'It is your turn.',
    turnTimeLeft: 'Time left for this turn',
    turnTimeIs: { one: 'Time per turn: {n} minute', other: 'Time per turn: {n} minutes' },
    yourPlace: 'You are number {n} in the queue.', skippedAway: 'Skipped, not connected',
    awaySkipped: 'offline, skipped until back', handUp: 'hand raised', moveUp: 'Let {name} speak earlier',
    skipSpeaker: 'Skip', skipSpeakerLabel: 'Skip {name}', turnTimeLabel: 'Time per turn',
    noTurnTime: 'No limit', minutesShort: '{m} min', turnSound: 'Sound when it is my turn',
    askReadiness: 'Ask whether everyone is done', offlineBadge: 'offline',
    chairAway: 'The chair ({name}) is away.', chairOpen: 'Anyone can take the chair now.',
    chairAwayBackup: 'If the chair stays away, {name} takes over.',
    chairAwayWait: 'If the chair stays away, anyone can take the chair shortly.',
    takeChair: 'Take the chair', chairTookOver: '{name} chairs because {former} was away.',
    chairTookOverYou: 'You chair because {former} was away.', giveChairBack: 'Give the chair back to {name}',
    backupPrompt: 'Name a backup chair, in case your connection drops', notNow: 'Not now',
    noticeBackupTookOver: '{former} is away; backup chair {name} has taken the chair.',
    noticeChairTaken: '{name} has taken the chair because {former} was away.',
    noticeDismiss: 'Close',
    // Action points, silent writing, votes, the closing and the summary.
    carriedTitle: "Last time's action points", carriedHint: 'Go through them together: whoever took one on (or the chair) says what came of it.',
    carriedOpen: { one: '{n} still to discuss', other: '{n} still to discuss' }, carriedWhatBecame: 'What came of it?',
    carried_open: 'not discussed yet', carried_done: 'done', 'carried_not-done': 'not done', 'carried_carried-on': 'carried on',
    carriedMark_done: 'Done', 'carriedMark_not-done': 'Not done', 'carriedMark_carried-on': 'Carried on',
    'kind_look-back': 'Look back', ownerLabel: 'Owner', nobodyYet: 'nobody yet', pickOwner: 'Choose an owner', assign: 'Assign', markPointDone: 'Mark as done',
    markPointOpen: 'Mark as not done', pointDone: 'done', confirmRemovePoint: 'Delete this action point?',
    writingProgress: { one: '{n} of {of} has written', other: '{n} of {of} have written' },
    yourVote: 'Your vote', voted: 'Voted', sortByVotes: 'Sort by votes', sortAsWritten: 'Sort as written',
    voteBudget: { one: 'Everyone has {n} vote in this phase.', other: 'Everyone has {n} votes in this phase.' },
    votesLeft: { one: 'You have {n} vote left.', other: 'You have {n} votes left.' },
    voteBudgetLabel: 'Votes per person in this phase (0 = no limit)', setVoteBudget: 'Set',
    evaluation: 'Evaluation', evaluationHint: 'Give the meeting a score and sum it up in one word.',
    score: 'Score (1-10)', oneWord: 'One word', giveEvaluation: 'Give evaluation', yourEvaluation: 'Your evaluation',
    evaluations: 'Evaluations', noEvaluations: 'No evaluations yet.',
    endChoice: 'End the meeting', endOnly: 'End', endAndErase: 'End and erase now',
    endHint: 'After ending nobody can change anything. Everyone can then read the summary until the retention period ends.',
    eraseWarning: 'Careful: erasing removes everything written in this meeting at once. No summary remains, for anyone. This cannot be undone.',
    confirmErase: 'End the meeting and erase everything now? No summary will remain.',
    summaryTitle: 'Summary', summaryDate: 'Date', summaryAttendees: 'Attendees', learningQuestion: 'Learning question',
    keyQuestion: 'Key question', insights: 'Insights', caseRecord: 'How the case went (for the chair and case-bringer)',
    copySummary: 'Copy summary', downloadSummary: 'Download as Markdown', printSummary: 'Print or save as PDF',
    summaryCopied: 'Summary copied', loadingSummary: 'Loading the summary…', noneYet: 'None.',
    erasedNow: 'The chair ended the meeting and erased everything. There is no summary.',
  },
};

let current = pick();

function pick() {
  const saved = localStorage.getItem('ivp.language');
  if (saved === 'nl' || saved === 'en') {
    return saved;
  }
  return (navigator.language || 'nl').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function language() {
  return current;
}

/** Every key of one language: the browser tests check both languages have the same. */
export function keys(lang) {
  return Object.keys(TEXTS[lang]);
}

export function setLanguage(lang) {
  current = lang;
  localStorage.setItem('ivp.language', lang);
  document.documentElement.lang = lang;
}

/**
 * A text in the current language, with {name} placeholders filled in. A text with plural forms
 * ({one, other}) is chosen by the language's plural rules for params.n.
 */
export function t(key, params = {}) {
  let text = TEXTS[current][key] ?? TEXTS.en[key] ?? key;
  if (typeof text === 'object') {
    text = text[new Intl.PluralRules(current).select(Number(params.n ?? 0))] ?? text.other;
  }
  return fill(text, params);
}

export function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** A {nl, en} text from the server, in the current language. */
export function local(text) {
  if (text == null) {
    return '';
  }
  return typeof text === 'string' ? text : (text[current] ?? text.en ?? text.nl ?? '');
}

document.documentElement.lang = current;
