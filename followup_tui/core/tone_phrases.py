"""The words the tone check looks for, as data: each pattern with the reason it matters.

Kept apart from :mod:`followup_tui.core.tone` so the wording can grow without the logic
moving. Patterns are written to catch what a hiring manager would wince at and to leave
ordinary job words alone: "urgent care", "start immediately", "AWS, GCP and SQL".
"""

from __future__ import annotations

import re
from enum import StrEnum

from followup_tui.core.lazy_pattern import LazyPattern


class Rule(StrEnum):
    """What a finding is about."""

    ULTIMATUM = "ultimatum"
    PUSHY = "pushy"
    DESPERATE = "desperate"
    TOO_LONG = "too_long"
    UNFILLED = "unfilled"
    SAME_LETTER = "same_letter"
    PRIVATE = "private"
    TOO_SOON = "too_soon"
    TOO_MANY = "too_many"
    TYPO = "typo"

    @property
    def label(self) -> str:
        """The rule's name as the user reads it ("same letter twice")."""
        return _LABELS[self]


_LABELS = {
    Rule.ULTIMATUM: "ultimatum",
    Rule.PUSHY: "pushy",
    Rule.DESPERATE: "desperate",
    Rule.TOO_LONG: "too long",
    Rule.UNFILLED: "unfilled",
    Rule.SAME_LETTER: "same letter twice",
    Rule.PRIVATE: "private",
    Rule.TOO_SOON: "too soon",
    Rule.TOO_MANY: "too many",
    Rule.TYPO: "typo?",
}


def rx(*patterns: str) -> LazyPattern:
    """One case-blind pattern matching any of ``patterns`` (compiled on first use)."""
    return LazyPattern("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
WHEN = (  # a day or time something is wanted by
    rf"(?:the )?(?:end of (?:the |this )?(?:day|week|month)|eod|cob|close of business|tomorrow"
    rf"|tonight|today|noon|this (?:week|afternoon|evening)|{DAYS}|next week"
    r"|\d{1,2}(?:st|nd|rd|th)\b|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
DEADLINE = re.compile(rf"\b(?:by|before|until) {WHEN}", re.IGNORECASE)
"""A date something must happen by: an ultimatum only beside another offer."""

_ELSEWHERE = r"(?:companies|organi[sz]ations|employers|firms|teams)\b"
OTHER_OFFER = rx(
    r"\b(?:another|other|competing|second|rival) (?:job )?offers?\b", r"\boffers? from\b"
)
"""Another company's offer: news when told plainly, leverage beside a deadline."""

_ASKED = (
    r"(?:let me know|get back to me|hear back|hear from you|(?:you|please) (?:reply|respond|answer)"
    r"|(?:appreciate|need|want|like|expect|ask for|get|have) (?:a|an|your) "
    r"(?:decision|answer|response|reply|update|yes or no))"
)

PHRASES: tuple[tuple[Rule, LazyPattern, str], ...] = (
    (
        Rule.ULTIMATUM,
        rx(
            r"\bunless I hear\b",
            r"\bif I (?:don'?t|do not) hear\b",
            r"\bforced to (?:accept|take|go with)\b",
            r"\blose me to\b",
            r"\b(?:a shame|a pity) to lose\b",
            r"\b(?:accept|take|sign) the other offer\b",
            r"\b(?:otherwise|or else),? I(?:'ll| will| shall)\b",
            r"\bbefore I (?:accept|sign|take|commit)\b",
            r"\b(?:need|want|have) (?:an answer|a decision|your decision|to know|to hear)"
            r"(?: back)?(?: from you)? (?:by|before|within)\b",
            r"\b(?:need|have) to know where I stand\b",
            r"\bwhere I stand by\b",
            rf"\b{_ASKED}\b[^.?!\n]{{0,25}}\b(?:by|before) {WHEN}",
            r"\boffer (?:that |which )?(?:expires|runs out|lapses|ends|closes)\b",
            r"\b(?:have|need) to (?:give|let) (?:them|the other company) (?:an answer|know)\b",
            r"\b(?:interviewing|talking|speaking|in talks|in discussions|interest) (?:with|in) "
            r"(?:several|many|multiple|a few|other) (?:other )?" + _ELSEWHERE,
            r"\b(?:several|many|multiple|a few|other) (?:other )?"
            + _ELSEWHERE
            + r" (?:are|have)\b",
            r"\b(?:considering|exploring|pursuing|weighing) (?:my|other|several|multiple) "
            r"(?:options|offers|opportunities)\b",
            r"\b(?:last|final) chance\b",
            r"\bthe clock is ticking\b",
            r"\bI can(?:'t|not) wait (?:much |any )?(?:longer|forever)\b",
            r"\bunless\b[^.?!\n]{0,30}\b(?:faster|quicker|sooner|quickly|first|match)\b",
            r"\bmatch (?:that|the|their|this|my) (?:timeline|deadline|offer|date|timing)\b",
            r"\b(?:take|treat|read|count)\b[^.?!\n]{0,30}\bas an? (?:no|rejection|pass)\b",
            r"\b(?:won'?t|will not|can'?t|cannot) wait (?:past|beyond|after|longer than|much longer"
            r"|any longer)\b",
            r"\bif\b[^.?!\n]{0,40}\b(?:no|not|don'?t|haven'?t|nothing)\b[^.?!\n]{0,40}"
            r"\bI(?:'ll| will| shall)(?: have to| need to)? (?:withdraw|accept|assume|take|move on"
            r"|go with|pursue|sign|look elsewhere|consider|proceed)\b",
        ),
        "puts pressure on them to answer; an ultimatum can end the conversation",
    ),
    (
        Rule.PUSHY,
        rx(
            r"\bas I (?:said|told you|already (?:said|mentioned|told you|explained))\b",
            r"\b(?:as )?per my (?:last|previous|earlier) (?:e-?mail|message|note|call)\b",
            r"\basap\b",
            r"\b(?:is|it's|this|very|quite|rather|really|fairly|somewhat|an|as) urgent\b",
            r"\burgent(?:ly)? (?:need|reply|response|answer|decision|request|matter|update)",
            r"\burgent\s*[:!]",
            r"\b(?:reply|respond|answer|let me know|get back to me|hear back)"
            r"(?: from you)? (?:immediately|right away|at once|straight away)\b",
            r"\bimmediate (?:reply|response|answer|decision|attention|feedback)\b",
            r"\bwithout (?:further )?delay\b",
            r"\bas soon as possible\b",
            r"\b(?:I|we) (?:need|expect|require|demand) (?:an? |your )?"
            r"(?:answer|response|reply|update|decision)\b",
            r"\byou (?:need to|have to|must) "
            r"(?:reply|respond|answer|get back|let me know|decide)\b",
            r"\bwhy (?:haven'?t|have not|hasn'?t|didn'?t) (?:you|anyone)\b",
            r"\b(?:still|been|I'?m|am) waiting (?:for|on|to)\b",
            r"\b(?:you )?(?:still )?(?:haven'?t|have not|never) (?:replied|responded|answered"
            r"|gotten back|got back)\b",
            r"\b(?:second|third|final|another|friendly|gentle) reminder\b",
            r"\bchas(?:e|ing) (?:you|this|up)\b",
            r"\b(?:following up|checking in|writing|reaching out|emailing|circling back|pinging)"
            r" (?:again|once again|once more|yet again|one more time)\b",
            r"\bprompt (?:reply|response|answer)\b",
            r"\bcircl(?:e|ed|ing) back\b",
            r"\bbump(?:ing|ed)? (?:this|my|it|up)\b",
            r"\btop of your inbox\b",
            r"\bfor the (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b",
            r"\b(?:my|this is my) (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) "
            r"(?:e-?mail|message|note|attempt|follow-?up|try|voicemail)\b",
            r"\bmy (?:last|previous|earlier) (?:two|three|four|five|several|few|\d+) "
            r"(?:e-?mails|messages|notes|calls|voicemails)\b",
            r"\b(?:did|have) you (?:get|got|receive|received|see|seen|read) my "
            r"(?:last|previous|earlier|other)\b",
            r"\b(?:a |even a )?(?:simple|quick|one-word) (?:yes or no|yes/no)\b",
            r"\bjust (?:tell|let) me (?:know )?(?:either way|one way or the other)\b",
            r"\b(?:any|an) updates? yet\b",
            r"\bI(?:'ve| have) (?:emailed|written|called|messaged) (?:you )?"
            r"(?:twice|three times|several times|a few times|\d+ times)\b",
            r"\bno one (?:has )?(?:got|gotten|gets) back\b",
            r"\bsurely (?:you|someone|by now)\b",
            r"\b(?:it's|it has) been (?:weeks|ages)\b",
            r"\b(?:since|as) I(?:'ve| have)(?: still)? not heard\b",
            r"\bI guess (?:you're|you are|you've been) (?:too )?busy\b",
            r"\bmust be (?:nice|busy)\b",
            r"\bin case (?:you|it) (?:missed|didn'?t see|lost)\b",
            r"\bkeeping me (?:in suspense|guessing|hanging|waiting)\b",
            r"\bis any(?:one|body) (?:reading|there|getting|checking)\b",
            r"\b(?:pinging|pinged|nudging) (?:you|this)\b",
            r"\byou (?:said|promised|told me) (?:you(?:'d| would)|I(?:'d| would)) "
            r"(?:decide|hear|get back|let me know|have)\b",
            r"\bit'?s (?:now|already) (?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
            r"\btime[- ]sensitive\b",
            r"\bI (?:just )?want to know (?:if|whether)\b",
            r"\btaking (?:so|this|that|such a) (?:long|much time|long time|while)\b",
            r"\bwhy (?:this|it) is taking\b",
            r"\b(?:heard|have|had|get|got|receive|received|decided|know)\b[^.?!\n]{0,20}\bby now\b",
            r"\b(?:really|just) need to know\b",
            r"\bI (?:really |just )?need to (?:know|hear)\b",
            r"\b(?:know|hear|tell me|answer)\b[^.?!\n]{0,15}\bone way or the other\b",
            r"\bradio (?:silence|quiet|silent)\b",
            r"\bmaking sure (?:this|it|my \w+) (?:reached|got to|arrived)\b",
            r"^[ \t]*(?:hello|hi|anyone)\?",
            r"\b(?:fell|fallen|falling|slipped|slip) (?:through|between) the cracks\b",
            r"\b(?:isn'?t|is not|not) (?:too |that |very )?much to ask\b",
            r"\b(?:know|realise|realize|understand|appreciate|sure) (?:that )?"
            r"(?:you'?re|your|you are) (?:very |so |really |extremely )?busy,? but\b"
            r"[^.?!\n]{0,40}\b(?:reply|answer|update|response|decision|hear|know)\b",
            r"\b(?:hurtful|upsetting|insulting|unprofessional|disrespectful)\b",
            r"\b(?:the|this|your) (?:delay|wait|silence|process) (?:is|has been|feels)\b"
            r"[^.?!\n]{0,20}\b(?:frustrating|disappointing|hard|upsetting)\b",
            r"\brefreshing my (?:inbox|e-?mail|phone)\b",
            r"\bfollow(?:ing)? up on my (?:follow-?up|reminder)\b",
            r"\bjust (?:give|send) me (?:an|a|your) (?:answer|decision|reply)\b",
            r"\bthe (?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time "
            r"(?:I'?m|I am|I have|I'?ve)\b",
            r"\ba (?:reply|response|answer) would be nice\b",
            r"\b(?:quicker|faster|speedier) (?:reply|response|answer|turnaround)\b",
            r"\b(?:forgotten|forgot) (?:about )?me\b",
            r"\bI (?:expected|had expected) to (?:hear back|hear from you|get a reply)\b",
            r"\b(?:revert|reply|respond|answer|let me know|get back|update me|advise)\b"
            r"[^.?!\n]{0,20}\bat the earliest\b",
            r"\bkindly (?:revert|reply|respond|confirm|advise|update|let me know|get back)\b",
            r"\brevert (?:back )?(?:to me|asap|soon|promptly)\b",
            r"\b(?:reply|respond|revert|get back|let me know)\b[^.?!\n]{0,20}"
            r"\bat your earliest convenience\b",
            r"\b(?:your|this|radio|continued|prolonged) silence\b",
            r"\b(?:surprised|disappointed|puzzled|confused|shocked|taken aback|sad)\b[^.?!\n]{0,30}"
            r"\b(?:not (?:to )?(?:have )?(?:heard|had|received|gotten|got)|(?:haven'?t|hadn'?t"
            r"|have not|had not|didn'?t|did not) (?:heard|received|had|gotten|got))\b",
            r"\b(?:not|haven'?t|have not|no one has|nobody has) (?:yet )?"
            r"(?:heard|replied|had (?:a |any )?(?:reply|answer|response|word|news))\b"
            r"[^.?!\n]{0,40}\b(?:given|despite|even though|considering)\b",
            r"\b(?:gone|went|remain(?:ed|s)?|go|going) unanswered\b",
            r"\b(?:common|basic|simple) courtesy\b",
            r"\bthe least you could\b",
            r"\bghost(?:ed|ing)\b",
            r"\bleft (?:me )?(?:hanging|in the dark)\b",
            r"\bstill nothing\b",
            r"\bnot (?:even )?a (?:single )?(?:word|reply|response|peep)\b",
            r"\bI(?:'ll| will| shall)? (?:assume|take it|conclude)\b[^.?!\n]{0,30}"
            r"\b(?:not|no longer|moved on|gone with|someone else|filled)\b",
            r"\b(?:could|can|would) you (?:expedite|fast-track|hurry|speed up)\b",
            r"\bexpedite (?:the|your|my) (?:process|decision|review|application)\b",
            r"\b(?:nobody|no one|no-one)\b[^.?!\n]{0,15}\b(?:has|have)\b[^.?!\n]{0,10}"
            r"\b(?:replied|responded|answered|got(?:ten)? back)\b",
            r"\b(?:anyone|you)\b[^.?!\n]{0,10}\b(?:hasn'?t|haven'?t|has not|have not)\b"
            r"[^.?!\n]{0,10}\b(?:replied|responded|answered|got(?:ten)? back)\b",
            r"\bfinally (?:get|hear|have|receive|know) (?:an? |some |your )?(?:answer|reply"
            r"|response|decision|news|word|update)\b",
            r"\bI(?:'ve| have) been (?:very |more than |extremely |incredibly )?patient\b",
            r"\bmore than patient\b",
            r"\bmy patience\b",
            r"\bforg(?:o|e)t(?:ten)? about\b[^.?!\n]{0,15}\bme\b",
            r"\b(?:sent|written|left)\b[^.?!\n]{0,10}\b(?:two|three|four|five|several|multiple"
            r"|\d+) (?:follow-?ups|e-?mails|messages|notes|voicemails|calls)\b",
            r"\bcourtesy of an?\b",
            r"\b(?:have you|has the team|has anyone|did you)\b[^.?!\n]{0,25}\b(?:decided|decision"
            r"|made up)\b[^.?!\n]{0,10}\byet\b",
            r"\bwast(?:ed|ing) (?:my|our) time\b",
        ),
        "reads as chasing or demanding; a cordial note gets a better hearing",
    ),
    (
        Rule.DESPERATE,
        rx(
            r"\bplease,? please\b",
            r"\b(?:I )?beg(?:ging)?(?: you)?\b",
            r"\bdesperate(?:ly)?\b",
            r"\bdevastat(?:ed|ing)\b",
            r"\bheartbroken\b",
            r"\bcrushed\b",
            r"\bI(?:'ll|'d| will| would)? do anything\b",
            r"\b(?:really|so|very|truly),? (?:really|so|very|truly)\b",
            r"\bdon'?t mean to (?:be a pain|nag|pester|bother|push|chase)\b",
            r"\bI (?:really |truly |just )?need (?:this|the) (?:job|role|position)\b",
            r"\bmy (?:only|last) hope\b",
            r"\bplease give me a chance\b",
            r"\b(?:so )?sorry to (?:bother|trouble|disturb|pester|keep bothering|nag|chase|push)\b",
            r"\bI(?:'m| am) (?:losing sleep|not sleeping|begging)\b",
            r"\bmean (?:the world|everything) to me\b",
            r"\bcan'?t (?:stop thinking|afford not|imagine not)\b",
            r"\bmy family (?:is |are )?(?:counting|depending|relying)\b",
            r"\bI won'?t let you down\b",
            r"\b(?:feel|feeling) (?:ignored|forgotten|overlooked|strung along)\b",
            r"\bcan'?t sleep\b",
            r"\b(?:really|so|very|incredibly) anxious\b",
            r"\bI (?:turned down|passed on|declined|gave up|cancell?ed|said no to) (?:another|other"
            r"|an?|my) (?:interview|offer|job|role|opportunit\w*)",
            r"\bafter all (?:the|my) (?:time|effort|work|hours)\b",
            r"\b(?:already )?told (?:my family|everyone|my friends|my parents)\b",
            r"\b(?:don'?t|do not) know what I(?:'ll|'d| will| would| am going to|'m going to) do\b",
            r"\bif (?:this|it|the role|the job|this opportunity|the offer) "
            r"(?:falls|fell) through\b",
            r"\b(?:check|checking|checked|refresh|refreshing)\b[^.?!\n]{0,20}\b(?:e-?mails?|inbox"
            r"|phone|messages)\b[^.?!\n]{0,20}\b(?:constantly|all the time|every (?:hour|few"
            r" minutes|minute|day)|non-?stop|obsessively|hoping|hourly)\b",
            r"\b(?:crumb|scrap|morsel|shred|sliver|glimmer)s? of (?:good )?(?:news|hope|information"
            r"|feedback|an update|a reply)\b",
            r"\bany (?:news|word|update|feedback|information) at all\b",
            r"\bcounting (?:down )?the (?:days|hours|minutes)\b",
            r"\bon pins and needles\b",
            r"\bcan'?t (?:bear|stand|take) (?:the|this) (?:wait|waiting|suspense|uncertainty)\b",
            r"\b(?:everything|my future|my career) (?:depends|rides|hinges) on (?:this|it|your)\b",
            r"\bI(?:'d| would) give anything\b",
            r"\bplease (?:don'?t|do not) (?:forget|overlook|pass over|give up on)\b",
            r"\b(?:worried sick|a nervous wreck|beside myself)\b",
            r"\bso \w+, (?:truly|really|honestly)\b",
            r"\b(?:on tenterhooks|holding my breath|sitting by the phone|glued to my"
            r" (?:phone|inbox))\b",
            r"\bwaiting (?:all|every) (?:week|day)\b|\ball (?:week|day) waiting\b",
            r"\bpray(?:ing)? (?:that I|I|every|you'll|you will)\b|\bpraying every\b",
            r"\b(?:we had|we have|felt|feel) (?:such )?a (?:real|genuine|special) connection\b",
            r"\b(?:is|means?|meant) (?:the world|everything) to me\b",
            r"\bcan'?t (?:handle|cope with|face) (?:another|more|this)\b",
            r"\banother rejection\b",
            r"\b(?:not to|don'?t (?:mean|want) to|hate to) (?:be )?(?:a )?"
            r"(?:bother|pain|nuisance|pest|nag|pester)\b",
            r"\b(?:I'm|I am|makes me|making me|I feel|leaves me)\b[^.?!\n]{0,10}"
            r"\b(?:more|increasingly|so|very|really|incredibly|getting) "
            r"(?:anxious|nervous|stressed)\b",
        ),
        "sounds like pleading; calm confidence reads better",
    ),
)
"""(rule, pattern, why) for every phrase-level check."""

EXCLAIMS = re.compile(r"(?=[!?]*!)[!?]{2,}|\?{2,}")
"""Two or more of ! and ? in a row with at least one "!", or stacked "??"."""

CAPS_RUN = re.compile(r"\b[A-Z][A-Z']+(?:[ \t]+[A-Z][A-Z']+){2,}\b")
"""Three capitalised words in a row: shouting when they are ordinary words (see COMMON)."""

CAPS_WORD = re.compile(
    r"\b(?:PLEASE|REALLY|VERY|NEED|HOPE|THANK|THANKS|LOVE|ANYTHING|SO|MUCH|ANY|EXCITED"
    r"|ALWAYS|NEVER|DREAM|PERFECT|DESPERATE|AGAIN|STILL|NOW|WHY|URGENT|EVER|ANSWER|REPLY"
    r"|TODAY|SOON|IMMEDIATELY|WAITING)\b"
)
"""Single words that, in capitals, are raised voices rather than acronyms."""

COMMON = frozenset(
    (  # noqa: SIM905
        "I I'M I'D I'VE A AN THE AND OR BUT TO OF IN ON FOR WITH AT BY FROM IT IS ARE WAS BE "
        "THIS THAT YOU YOUR ME MY WE US OUR WANT JOB ROLE SO MUCH NEED PLEASE HEAR BACK "
        "REALLY VERY ANY UPDATE NEWS JUST WHEN WHAT WHY HOW WILL CAN DO NOT NO YES HAVE "
        "HAS GET GOT KNOW LET THANK THANKS LOVE HOPE STILL AGAIN NOW SOON ASAP"
    ).split()
)
"""Ordinary words: a run of capitals made of them is shouting, a run of acronyms is not."""

TYPOS: tuple[tuple[LazyPattern, str], ...] = tuple(
    (LazyPattern(pattern, re.IGNORECASE), fix)
    for pattern, fix in (
        (r"\b(?:to|forward to|hope to|glad to|eager to|keen to) here\b", "hear"),
        (r"\bhere (?:back|from you|anything)\b", "hear"),
        (r"\b(?:hear|hearing|heard) form\b", "from"),
        (
            r"\byour (?:welcome|still|not|the best|going to|doing|getting|probably|right)\b",
            "you're",
        ),
        (
            r"\byour busy\b(?! (?:schedule|week|day|season|calendar|time|period|diary|team))",
            "you're",
        ),
        (r"\bthere (?:team|company|process|hiring|office)\b", "their"),
        (r"\byou'?re (?:time|consideration|help|team|company|e-?mail|message|offer)\b", "your"),
        (r"\bthen (?:expected|anticipated|usual)\b", "than"),
        (r"\b(?:longer|more|sooner|better|rather|other|less|faster) then\b", "than"),
        (r"\bloose (?:touch|track|sight)\b", "lose"),
        (r"\bdefin(?:ately|atly|itly|etly)\b", "definitely"),
        (r"\bwont\b", "won't"),
        (r"\bits (?:been|a pleasure|great to)\b", "it's"),
        (r"\bapart of (?:the|your|this|a)\b", "a part of"),
        (r"\bexcept (?:your|the|an|this) (?:offer|invitation)\b", "accept"),
        (r"\bfor you (?:time|consideration|help)\b", "your"),
        (r"\bweather or not\b", "whether"),
        (r"\b(?:know|see|ask|wonder(?:ing)?|unsure|sure|check) weather\b", "whether"),
        (r"\byour (?:very|so|really|probably|likely|quite|extremely) (?:busy|swamped)\b", "you're"),
        (r"(?-i:\bIm\b)", "I'm"),
        (r"\bpeaked my (?:interest|curiosity)\b", "piqued"),
        (r"\bthe roll\b(?!-)", "role"),
        (r"\brecieve[ds]?\b", "receive"),
        (r"\bop(?:per|pur|pu)tunit(?:y|ies)\b", "opportunity"),
        (r"\bcould of\b", "could have"),
        (r"\bwould of\b", "would have"),
        (r"\baffect (?:change|a change)\b", "effect"),
        (r"\bcompliment(?:s)? (?:my|your) (?:skills|experience|background)\b", "complement"),
    )
)
"""(pattern, correction): homophones and slips that spell-checkers let through."""

GREETING = re.compile(
    r"^[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))[ \t]+"
    r"((?:(?:mr|mrs|ms|mx|dr|prof)\.[ \t]*)?[^\n,!:;.]+?)[ \t]*(?=[,!:;.\n]|$)",
    re.IGNORECASE | re.MULTILINE,
)
"""A greeting line; group 1 is whom it greets."""

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|miss|dr|prof)\.?\s+", re.IGNORECASE)
"""A title before a name, left out when matching the name."""

GENERIC = frozenset(
    "there all everyone everybody team folks both you manager recruiter sir madam".split()  # noqa: SIM905
)
"""Words that greet a group or a role rather than a person by name."""
