"""Every regular expression councilgraph reads minutes with, compiled once, each with what it finds."""

from __future__ import annotations

import re

_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# ---------------------------------------------------------------- segmentation

ITEM_NUMBER_ALONE = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?:(?:item|Item|ITEM)[ \t]+)?(?P<num>(?:[A-Z]{1,4}[ ./]?)?\d{1,4}[a-z]?(?:[./]\d{1,4}){0,2})[.):]?[ \t]*$"
)
"""A line holding only an item number ("109." or "Item 5"), its title on a following line."""

ITEM_HEADING = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?:(?:item|minute|Item|Minute|ITEM|MINUTE)[ \t]+)?"
    r"(?P<num>(?:[A-Z]{1,4}[./]?)?\d{1,4}[a-z]?(?:[./]\d{1,4}){0,2})(?:[.):]|[ \t]+[-:][ \t]*)?"
    r"[ \t]+(?P<title>(?:[A-Z(\"']|\d[\w/.-]*[ \t]+(?:-[ \t]+)?[A-Z])[^\n]{1,200})$"
)
"""A line starting with an item number and a title ("149. WELCOME AND APOLOGIES", "1. Appointment of Chairman.")."""

SUB_ITEM_HEADING = re.compile(
    rf"^[ \t]*\((?P<num>{_ROMAN}|[a-h])\)[ \t]+(?P<title>[A-Z0-9(][A-Z0-9 ,'&()/:.\-]{{3,150}})$"
)
"""A lettered or roman sub-item with an upper-case title ("(ii) YOUTH JUSTICE PLAN")."""

TABLE_ROW_BREAK = re.compile(r"^[ \t]*\|[ \t]*$")
"""A line holding only a pipe: the break between rows of a minutes table exported as text."""

TABLE_RULE = re.compile(
    r"^[ \t]*(?:\|?[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*no\.?[ \t]*\|[ \t]*item[ \t]*\|?[ \t]*$", re.I
)
"""The header and rule lines of a text-exported table ("No. | Item |", "---|---|")."""

TABLE_ROW_TITLE = re.compile(r"^[ \t]*(?P<title>[^\n.|]{2,160}?)\.(?=[ \t\n]|$)")
"""The first sentence of a table row, which is the item title ("Urgent Items. Minutes: ...")."""

MINUTES_LABEL = re.compile(r"^[ \t]*Minutes:[ \t]*$|\bMinutes:[ \t]*", re.M)
"""The "Minutes:" label that separates an agenda entry from what was minuted."""

SEPARATOR_LINE = re.compile(r"^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_{5,}|={5,})[ \t]*$")
"""A line of asterisks or rules that closes the attendance lists."""

ROSTER_HEADING = re.compile(
    r"^[ \t]*(?P<heading>(?:(?:councillors?|members?|officers?|others?)[ \t]+(?:of[ \t]+the[ \t]+[a-z-]+[ \t]+)?)?"
    r"(?:P[ \t]*R[ \t]*E[ \t]*S[ \t]*E[ \t]*N[ \t]*T)"
    r"(?:[ \t]+(?:at[ \t]+the[ \t]+meeting|in[ \t]+person|remotely|virtually))?"
    r"|also[ \t]+present|(?:also[ \t]+)?in[ \t]+attendance|officers?(?:[ \t]+in[ \t]+attendance)?"
    r"|apologies(?:[ \t]+for[ \t]+absence)?(?:[ \t]+received)?|absent|(?:members[ \t]+)?not[ \t]+present"
    r"|co-?opted[ \t]+members?(?:[ \t]*\([^)\n]*\))?|standing[ \t]+invitees?(?:[ \t]*\([^)\n]*\))?"
    r"|substitutes?|(?:members[ \t]+of[ \t]+the[ \t]+)?public(?:[ \t]+present)?|roll[ \t]+call|regrets"
    r"|staff(?:[ \t]+(?:present|in[ \t]+attendance))?|attendance|attendees?(?:[ \t]+name)?)"
    r"[ \t]*(?:[:.\-][ \t]*)?(?P<rest>[^\n]*)$",
    re.I,
)
"""The heading of an attendance list, with any names that follow it on the same line."""

MOTION_CARRIED = re.compile(
    r"\b(?:motion|it[ \t]+was[ \t]+moved)\b[^.\n]{0,160}?\bto[ \t]+(?P<what>[a-z][^.\n]{3,300}?)\.[ \t\n]*"
    r"(?:the[ \t]+)?motion[ \t]+(?:was[ \t]+)?carried",
    re.I,
)
"""A motion put and carried in one breath ("Motion by X, seconded by Y, to approve the agenda. Motion carried 4-0")."""

MOTION_FORMALITIES = re.compile(
    r"^[ \t]*(?:(?:resolution[ \t]+)?(?:no\.?[ \t]*)?[A-Z]{0,4}\d+[/.-]\d+[ \t]*$|(?:moved|seconded|mover|seconder|proposed)\b[^\n]*$"
    r"|\([^()\n]{2,80}/[^()\n]{2,80}\)[ \t]*$"
    r"|(?:carried|lost|defeated|carried[ \t]+unanimously|motion[ \t]+carried|recorded[ \t]+vote|(?:for|against|abstentions?)[ \t]*:)\b[^\n]*$"
    r"|(?:the[ \t]+)?motion[ \t]+(?:was[ \t]+)?(?:carried|lost|defeated|put)\b[^\n]*$)",
    re.I | re.M,
)
"""Lines around a resolution that are not its text: its number, mover, seconder and result."""

MOTION_FAILED = re.compile(
    r"^[ \t]*(?:defeated|lost|not[ \t]+carried|motion[ \t]+(?:was[ \t]+)?(?:lost|defeated|not[ \t]+carried)|the[ \t]+motion[ \t]+"
    r"(?:was[ \t]+)?(?:lost|defeated|not[ \t]+carried|fell))\b",
    re.I | re.M,
)
"""A motion that failed: its words were not resolved, so it is no decision."""

THAT_CLAUSE = re.compile(r"^[ \t]*THAT\b", re.M)
"""A clause of a resolution written "THAT ..." on its own line; several in a row are several decisions."""

RESOLUTION_MARKER = re.compile(
    r"(?P<marker>\b(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|RESOLUTION)\b"
    r"|^[ \t]*Resolution(?:[ \t]+(?:No\.?|number|#))?[ \t]*[\w/.-]*\d[\w/.-]*[ \t]*$"
    r"|\bIt[ \t]+was[ \t]+(?:unanimously[ \t]+)?resolved(?=[ \t]+(?:that|to)\b)"
    r"|(?<!KEY )(?<!Key )\bDECISIONS?\b(?=[ \t]*(?::|$))"
    r"|^[ \t]*Decisions?(?=[ \t]*:?[ \t]*$)"
    r"|\b[Tt]he[ \t]+(?:Committee|Council|Cabinet|Board|Panel|Sub-Committee|Commission|Members|Meeting)[ \t]+"
    r"(?:unanimously[ \t]+)?(?:agreed|resolved|decided)(?=[ \t]*(?::-|:|-|\bthat\b|\bto\b))"
    r"|(?<![a-z])(?:It[ \t]+was[ \t]+)?(?:Resolved|Agreed|Decided)(?=[ \t]*(?:[:\-]|that\b|to\b|unanimously\b)))"
    r"(?:[ \t]+unanimously)?[ \t]*(?::-|[:\-])?[ \t]*",
    re.M,
)
"""A resolution marker: RESOLVED / AGREED / "Resolved -" / "It was resolved that"."""

REASONS_STEM = re.compile(r"\b(?:reasons?|conditions?|grounds)\b[^\n]*:-?[ \t]*$", re.I)
"""A resolution whose list gives its reasons or conditions: one decision, not one per listed line."""

CLAUSE_LABEL = re.compile(
    rf"^[ \t]*(?:[-*][ \t]*)?(?:\((?P<p>\d{{1,2}}|[a-z]|{_ROMAN})\)|(?P<d>\d{{1,2}}|[a-z]|{_ROMAN})[.)])[ \t]+(?=\S)",
    re.I,
)
"""A clause label at the start of a line: "1)", "(a)", "i.", "- (b)"."""

INLINE_CLAUSE_LABEL = re.compile(
    rf"(?:(?<=\s)|^)(?P<label>\((?:\d{{1,2}}|[a-z]|{_ROMAN})\)|(?:\d{{1,2}}|[a-z]|{_ROMAN})\))[ \t]+(?=[A-Z])"
)
"""A clause label inside a running paragraph: "... (a) That ... (b) That ..."."""

# ---------------------------------------------------------------- meeting header

DATE = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAYS}),?[ \t]+)?(?:the[ \t]+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    rf"(?P<month>{_MONTHS})\.?,?[ \t]+(?P<year>(?:19|20)\d{{2}})\b"
    rf"|\b(?:(?P<weekday2>{_WEEKDAYS}),?[ \t]+)?(?P<month2>{_MONTHS})\.?[ \t]+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+"
    rf"(?P<year2>(?:19|20)\d{{2}})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b"
    r"|(?<![\d/.])(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<n3>(?:19|20)\d{2})(?![\d/.])",
    re.I,
)
"""A written date: "Tuesday, 14 January 2025", "4th June 2018", "January 14, 2025", "2025-01-14", "14/01/2025"."""

TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?[ \t]*(?P<ampm>[ap]\.?[ \t]?m\.?)(?![a-z])"
    r"|\b(?P<hour24>[01]?\d|2[0-3])[:.](?P<minute24>[0-5]\d)(?![\d.:])(?:[ \t]*(?:hrs|hours|h)\b)?"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)
"""A clock time: "5:30 pm", "7.30pm", "14:00", "20:02", "noon"."""

END_TIME = re.compile(
    r"\b(?:meeting|it)[ \t]+(?:was[ \t]+)?(?:declared[ \t]+)?(?:closed|concluded|ended|finished|terminated|adjourned|rose)"
    r"(?:[ \t]+at)?[ \t:]*(?P<time>[^\n]{0,25})"
    r"|\b(?:close|end|conclusion)[ \t]+of[ \t]+(?:the[ \t]+)?meeting[ \t:]*(?:at[ \t]+)?(?P<time2>[^\n]{0,25})"
    r"|\bmeeting[ \t]+(?:closed|ended|concluded)[ \t]*:[ \t]*(?P<time3>[^\n]{0,25})"
    r"|\b(?:closed|ended|adjourned)[ \t]+the[ \t]+meeting[ \t]+at[ \t]+(?P<time4>[^\n]{0,25})"
    r"|\badjourn(?:ed)?[ \t]+at[ \t]+(?P<time5>[^\n]{0,25})",
    re.I,
)
"""Where the minutes say when the meeting ended ("The meeting concluded at: 20:02")."""

TIME_RANGE = re.compile(
    r"(?P<from>\b(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?[ \t]*(?:[ap]\.?[ \t]?m\.?)?)[ \t]*(?:-|to|until|till)[ \t]*"
    r"(?P<to>(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?[ \t]*(?:[ap]\.?[ \t]?m\.?)?)(?![\d/])",
    re.I,
)
"""A meeting's hours given as a range in its header: "Time: 18:30 - 21:10", "from 2.00 pm to 3.50 pm"."""

START_TIME = re.compile(
    r"\b(?:commenc(?:ed|ing)|started|starting|began|beginning|opened|called[ \t]+(?:the[ \t]+meeting[ \t]+)?to[ \t]+order)"
    r"[ \t]+at[ \t]+(?P<time>[^\n]{0,20})"
    r"|\b(?:time|start)[ \t]*:[ \t]*(?P<time2>[^\n]{0,20})",
    re.I,
)
"""An explicit start time ("The meeting commenced at 7.30pm", "Time: 10.00 am")."""

VENUE = re.compile(
    r"^[ \t]*(?:venue|location|place|held[ \t]+at|meeting[ \t]+(?:place|location))[ \t]*:[ \t]*(?P<venue>[^\n]{3,200})$"
    r"|\bheld[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?(?P<venue2>[A-Z][^\n]{2,120}?)(?=,?[ \t]+on[ \t]|[.;\n])"
    r"|\b(?:at|in)[ \t]+(?P<venue3>(?:the[ \t]+)?[A-Z][^\n.;]{0,80}?\b(?:Hall|Chambers?|Room|Centre|Center|Offices|House|"
    r"Building|Library|Pavilion|Institute|Club)\b(?:,[ \t]*[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*)?)",
    re.I | re.M,
)
"""Where the meeting was held ("Venue: City Hall", "held at County Hall, Glenfield on ...")."""

BODY_HEADER = re.compile(
    r"minutes?[ \t]+of[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:(?:ordinary|extraordinary|special|annual|virtual|remote|"
    r"public|regular|reconvened|adjourned|formal|informal)[ \t]+)*meeting[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?P<body>[^\n]{3,160}?)"
    r"(?=[ \t]+held\b|[ \t]+on[ \t]|[ \t]*,?[ \t]*\n\s*held\b|[ \t]*\n|[.,;]?[ \t]*$)",
    re.I | re.M,
)
"""The body named in a title such as "Minutes of a meeting of the X Committee held at ..."."""

BODY_MEETING_HEADER = re.compile(
    r"(?:MINUTES?|[Mm]inutes?)[ \t]+(?:of|OF)[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?P<body>[A-Z][^\n]{3,160}?)[ \t]+"
    r"(?:meeting|MEETING)[ \t]+(?:held|on|HELD|ON)\b",
)
"""The body named before the word meeting: "Minutes of the Hamilton City Council Finance Committee meeting held ..."."""

BODY_HELD_HEADER = re.compile(
    r"(?:MINUTES?|[Mm]inutes?)[ \t]+(?:of|OF)[ \t]+(?:the[ \t]+|THE[ \t]+)?(?P<body>[A-Z][^\n]{3,120}?"
    r"(?:Committee|Commission|Board|Panel|Cabinet|Sub-Committee|Forum|COMMITTEE|COMMISSION|BOARD|PANEL|CABINET))"
    r"[ \t]+(?:held|on|at|HELD|ON|AT)\b"
)
"""The body named right after "Minutes of": "Minutes of the Planning Committee held on 3 March 2020"."""

BODY_DATE_TITLE = re.compile(
    rf"^[ \t]*(?P<body>[A-Z][^\n]{{3,160}}?)[ \t]+-[ \t]+(?:{_WEEKDAYS}),?[ \t]+\d",
    re.I | re.M,
)
"""A web-export title line: "Children, Young People and Education Scrutiny Commission - Tuesday, 14 January 2025"."""

FULL_COUNCIL = re.compile(
    r"^(?:(?:ordinary|extraordinary|special|annual|full|regular|general|statutory)[ \t]+)*(?:meeting[ \t]+of[ \t]+(?:the[ \t]+)?)?"
    r"(?:(?:full|city|county|town|parish|district|borough|shire)[ \t]+)?council(?:[ \t]+(?:regular|ordinary|special)?[ \t]*meeting)?$",
    re.I,
)
"""A body name that means the whole council ("Council", "Full Council", "Ordinary Council Meeting")."""

BODY_WORD = re.compile(
    r"\b(?:committee|sub-committee|commission|board|panel|council|cabinet|forum|group|partnership|assembly|"
    r"executive|authority|trust|meeting)\b",
    re.I,
)
"""A word that names a kind of body; a header line without one is not a body name."""

COUNCIL_NAME = re.compile(
    r"\b(?P<name>(?:(?:Royal|London)[ \t]+Borough[ \t]+of[ \t]+[A-Z][\w'-]+(?:[ \t]+(?:and|upon|on)[ \t]+[A-Z][\w'-]+)*"
    r"|[A-Z][\w'-]+(?:[ \t]+(?:(?:and|upon|on|in)[ \t]+)?[A-Z][\w'-]+){0,3}?(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:City|County|District|Borough|Town|Parish|Community|Metropolitan[ \t]+Borough|Shire|Regional|Municipal|Village|"
    r"Rural[ \t]+District)"
    r")(?:[ \t]+|[ \t]*\n[ \t]*)Council"
    r"|(?:(?:Royal|London)[ \t]+)?(?:City|Town|County|Village|Borough|Township|Municipality|Shire|District)[ \t]+of[ \t]+"
    r"[A-Z][\w'-]+(?:[ \t]+(?:and|upon|on)?[ \t]*[A-Z][\w'-]+){0,2}|[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,2}[ \t]+Council)\b"
)
"""A council's name ("Leicester City Council", "Leicestershire County Council", "Royal Borough of X Council")."""

EMAIL_DOMAIN = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b")
"""An e-mail address; its domain often tells which council wrote the minutes."""

PREVIOUS_MINUTES_BODY = re.compile(
    r"minutes[ \t]+of[ \t]+(?:the[ \t]+)?(?:previous[ \t]+)?(?:meeting[ \t]+of[ \t]+(?:the[ \t]+)?)?"
    r"(?P<body>[A-Z][\w',&-]*(?:[ \t\n]+(?:[A-Z][\w',&-]*|and|of|for|the|&))*[ \t\n]+(?:Committee|Commission|Board|Panel|Sub-Committee|Forum|Cabinet))"
    r"[ \t\n]+(?:meeting[ \t\n]+)?held",
)
"""The body whose earlier minutes are confirmed ("the minutes of the X Commission meeting held on ...")."""

# ---------------------------------------------------------------- people

HONORIFIC = (
    r"(?:Councillors?|Councilors?|Cllrs?|Crs?|Clr|(?:County|City|District|Borough|Town|Parish)[ \t]+Councillors?|Alderman|Alderwoman|"
    r"Council[ \t]?(?:Member|Woman|Man)s?|Councilmembers?|Councilwoman|Councilman|Alderpersons?|Selectman|Selectwoman|"
    r"Mayor|Deputy[ \t]+Mayor|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Revd|Reverend|Canon|Father|"
    r"Rabbi|Imam|Baroness|Baron|Hon)"
)
_SUFFIX = r"(?:CC|MP|MEP|MBE|OBE|CBE|JP|QC|KC)"
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"(?:(?:Mc|Mac|O'|D'|De|Di|Le|La|Van|Von)?[{_UPPER}][{_LOWER}]+(?:['-][{_UPPER}]?[{_LOWER}]+)*"
    rf"|(?!{_SUFFIX}\b)[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)"
)
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|bin|binti|al|el|ter)"

PERSON_TITLED = re.compile(
    rf"\b(?P<titles>{HONORIFIC}\.?(?:[ ]+(?:{HONORIFIC})\.?)*)[ \n]+"
    rf"(?P<name>(?:{_PARTICLE} +){{0,2}}(?:[A-Z]\.?[ \n]+(?=[A-Z]))*(?:[A-Z]\.(?: *[A-Z]\.)*[ \n]*)?(?:{_NAME_WORD} +(?:{_PARTICLE} +){{0,2}}){{0,2}}{_NAME_WORD})"
    rf"(?: +(?P<suffix>{_SUFFIX})\b)?"
)
"""A person with an honorific: "Councillor Dr Moore", "Mrs. H. J. Fryer CC", "Dr Nizamuddin Patel"."""

PERSON_PLAIN = re.compile(
    rf"(?P<name>(?:[A-Z]\.?[ ]+){{0,3}}(?:{_NAME_WORD} +){{0,2}}(?:{_PARTICLE} +){{0,2}}{_NAME_WORD})(?: +(?P<suffix>{_SUFFIX})\b)?"
)
"""A name without honorific ("Joycelin Eze-Okubuiro"); used only where a list or label says a person stands."""

NAME_LIST_SPLIT = re.compile(r"[ \t]*(?:,|;|\band\b|&)[ \t]*")
"""The separators of a list of names: "Councillors A, B and C"."""

CAPACITY_IN_PARENS = re.compile(r"\((?P<cap>[^()\n]{2,60})\)|[ \t]+-?[ \t]*(?P<chair>in[ \t]+the[ \t]+chair)\b", re.I)
"""A capacity after a name: "(Chair)", "(Vice-Chair)", "(Substitute for Cllr X)", "- in the Chair"."""

IN_THE_CHAIR = re.compile(r"(?:-|\(|,)?[ \t]*in[ \t]+the[ \t]+chair\b|\bpresiding\b", re.I)
"""A line saying who chaired: "Mrs B. Seaton CC - in the Chair"."""

STANDING_IN_FOR = re.compile(
    r"\(?[ \t]*(?:substituting[ \t]+for|in[ \t]+place[ \t]+of|replacing|sub(?:stitute)?[ \t]+for|for)[ \t]+$", re.I
)
"""What comes before the member a substitute stands in for: "Councillor X (substituting for Councillor Y)"."""

APOLOGIES_PROSE = re.compile(
    r"\bapologies(?:[ \t\n]+for[ \t\n]+(?:absence|lateness))?[ \t\n]+(?:were|was|had[ \t\n]+been|have[ \t\n]+been)?"
    r"[ \t\n]*(?:received|given|submitted|noted|tendered|reported|accepted)"
    r"(?:[ \t\n]+and[ \t\n]+(?:accepted|noted|received|approved))?[ \t\n]+(?:from|by|on[ \t\n]+behalf[ \t\n]+of)[ \t\n]+"
    r"(?P<names>[^.\n]{3,400})"
    r"|\bapologies(?:[ \t\n]+for[ \t\n]+absence)?[ \t\n]+from[ \t\n]+(?P<names2>[^.\n]{3,300}?)[ \t\n]+"
    r"(?:are|be|were|was|is|have[ \t]+been)[ \t\n]+(?:accepted|received|noted)",
    re.I,
)
"""Apologies in prose: "Apologies for absence were received from Councillor Crewe and Councillor Cutkelvin"."""

APOLOGIES_SENT = re.compile(
    r"\b(?:sent|gave|tendered|submitted|offered)[ \t]+(?:(?:his|her|their)[ \t]+)?apologies\b"
    r"(?![ \t]+for[ \t]+(?:lateness|arriving))",
    re.I,
)
"""Apologies told from the sender's side: "Councillor X sent apologies"."""

PRESENCE_PROSE = re.compile(
    r",?[ \t\n]+(?:was|were)[ \t\n]+(?:also[ \t\n]+)?(?P<status>present|absent|in[ \t\n]+attendance)\b", re.I
)
"""Presence or absence told in a sentence: "Councillors A, B and C were present", "Cllr X was absent"."""

LEFT_MEETING = re.compile(r"\b(?:left|departed|leave|exited)[ \t]+the[ \t]+meeting\b|\bleft[ \t]+at\b", re.I)
"""Someone left the meeting: they were there, so their attendance stands."""

POST_THEN_PERSON = re.compile(r"[ \t]*,[ \t]*(?=(?:" + HONORIFIC + r")\b)")
"""A post followed by its holder in prose: "The Cabinet Member for Resources, Councillor David Harris, ..."."""

CONTACT = re.compile(r"^[ \t]*contact(?:[ \t]+officer)?[ \t]*:[ \t]*(?P<rest>[^\n]{3,200})$", re.I | re.M)
"""The contact line of a web-published minutes page ("Contact: Ed Brown, Senior Governance Officer")."""

# ---------------------------------------------------------------- posts and organisations

POST_HEAD = (
    r"(?:Director|Officer|Manager|Executive|Mayor|Clerk|Secretary|Treasurer|Solicitor|Head|Leader|Controller|Auditor|"
    r"Engineer|Planner|Adviser|Advisor|Commissioner|Co-?ordinator|Surveyor|Inspector|Lead[ \t]+Member|"
    r"Cabinet[ \t]+(?:Support[ \t]+)?Member|Portfolio[ \t]+Holder|Chairman|Chairwoman|Chairperson|Chair|Governor|"
    r"Registrar|Archivist|Librarian|Lead)"
)
_POST_MODIFIER = r"(?:(?!The\b|This\b|That\b|Councillor\b|Cllr\b|Mr\b|Mrs\b|Ms\b|Dr\b)[A-Z][A-Za-z'&-]*|SEND|and|&)"
_POST_OBJECT = (
    r"(?:(?:the|The)[ \t]+)?(?:[A-Z][A-Za-z'&-]*|SEND|CYPE)"
    r"(?:(?:,?[ \t]+(?:and|&|of|for|in)[ \t]+|,[ \t]+(?=(?:[A-Z][A-Za-z'&-]*[ \t]+){0,3}[A-Z][A-Za-z'&-]*,?[ \t]+(?:and|&)[ \t]+)|[ \t]+)"
    r"(?:[A-Z][A-Za-z'&-]*|SEND))*"
)
POST = re.compile(
    rf"(?P<post>(?:{_POST_MODIFIER}[ \t]+){{0,4}}{POST_HEAD}(?:(?:[ \t]+(?:of|for)[ \t]+|[ \t]+-[ \t]+(?!{_NAME_WORD}[ \t]+{_NAME_WORD}\b(?![ \t]+(?:and|&)\b)))"
    rf"{_POST_OBJECT})?)"
    r"(?:[ \t]*\((?P<abbr>[A-Z]{2,8})\))?"
)
"""A post named by title ("Director of Children's Social Work and Early Help", "Assistant City Mayor - Education")."""

ORG_SUFFIX = (
    r"(?:School|Academy|College|University|Nursery|Council|Trust|Charity|Foundation|Board|Partnership|Forum|Group|"
    r"Ltd|Limited|plc|PLC|LLP|CIC|Inc|Union|Unions|Association|Society|Federation|Club|Hospital|Police|Constabulary|"
    r"Commission|Agency|Office|Authority|Ombudsman|Network|Alliance|Institute|Diocese|Church|"
    r"England|Scotland|Wales|Europe|Consortium|Company|Corporation|Cooperative|Co-operative|Centre|Center|Sport|"
    r"Committee|Sub-Committee|Panel|Cabinet)"
)
_ORG_WORD = r"(?:[A-Z][A-Za-z'&-]*|of|for|and|&|the|in|on|at)"

ORGANISATION = re.compile(
    rf"(?<![A-Za-z'-])(?P<org>(?:[A-Z][A-Za-z'&-]*[ \t]+)(?:{_ORG_WORD}[ \t]+){{0,8}}{ORG_SUFFIX}\b"
    r"|Ofsted|OFSTED|Home[ \t]+Office|DfE|NHS(?:[ \t]+[A-Z][A-Za-z]+){0,3}|UNISON|Unison|Unite|GMB|NEU|NASUWT|NAHT|RCN)"
    r"(?:[ \t]*\((?P<abbr>[A-Z][A-Za-z]{1,8})\))?"
)
"""An organisation's name, by its ending ("Millgate School", "Newton Europe") or as a well-known body."""

ORGANISATION_BY_HEAD = re.compile(
    r"(?<![A-Za-z'-])(?P<org>(?:Association|Society|Federation|Institute|Department|University|Royal[ \t]+College|Ministry)"
    r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][A-Za-z'&-]*(?:(?:[ \t]+(?:of|and|&|for)[ \t]+|[ \t]+)[A-Z][A-Za-z'&-]*){0,6})"
    r"(?:[ \t]*\((?P<abbr>[A-Z][A-Za-z]{1,8})\))?"
)
"""An organisation named head first ("Association of Directors of Children's Services", "Department for Education")."""

ORG_LEADING_NOISE = re.compile(
    r"^(?:(?:The|the|A|An|Our|This|That|Both|Each|All|Members|Officers|Councillors|Draft|Proposed|New|Current|"
    r"Existing|Previous|Revised|Annual)[ \t]+)*"
    r"(?:(?:[A-Z][A-Za-z'-]*[ \t]+){0,3}(?:Chair|Chairman|Chairwoman|Member|Members|Trustee|Trustees|Governor|Governors|"
    r"Director|Directors|Officer|Officers|Manager|Head|Representative|Representatives|Clerk|Secretary|Executive|"
    r"Leader|Mayor|President|Patron|Councillor|Councillors|Minutes|Meeting|Report|Update)[ \t]+"
    r"(?:of|for|at|from|to|on|with)[ \t]+(?:the[ \t]+|The[ \t]+)?)*"
)
"""What stands before an organisation's name without being part of it ("the Chair of the", "a Member of the")."""

WELL_KNOWN_ORG = re.compile(
    r"(?:Ofsted|OFSTED|Home[ \t]+Office|DfE|NHS(?:[ \t]+[A-Z][A-Za-z]+){0,3}|UNISON|Unison|Unite|GMB|NEU|NASUWT|NAHT|RCN)"
)
"""National bodies and unions that minutes name without a telling ending ("Ofsted", "DfE", "Unison")."""

ORG_GENERIC_WORDS = frozenset(
    [
        "the",
        "of",
        "for",
        "and",
        "&",
        "in",
        "on",
        "at",
        "a",
        "an",
        "advisory",
        "governing",
        "board",
        "group",
        "forum",
        "committee",
        "commission",
        "council",
        "trust",
        "partnership",
        "service",
        "services",
        "office",
        "authority",
        "school",
        "college",
        "union",
        "unions",
        "association",
        "society",
        "club",
        "centre",
        "center",
        "fund",
        "network",
        "agency",
        "team",
        "department",
        "local",
        "national",
        "county",
        "city",
        "district",
        "borough",
        "parish",
        "town",
        "joint",
        "improvement",
        "management",
        "steering",
        "working",
        "project",
        "programme",
        "strategic",
        "executive",
        "scrutiny",
        "cabinet",
        "full",
        "annual",
        "new",
        "this",
        "that",
        "these",
        "our",
        "their",
        "its",
        "his",
        "her",
        "my",
        "your",
        "each",
        "every",
        "all",
        "any",
        "some",
        "members",
        "member",
        "ordinary",
        "extraordinary",
        "special",
        "general",
        "meeting",
        "officers",
        "questions",
        "report",
        "update",
        "chair",
        "chairman",
        "children",
        "childrens",
        "children's",
        "young",
        "people",
        "adult",
        "adults",
        "social",
        "care",
        "health",
        "education",
        "family",
        "families",
        "safeguarding",
        "youth",
        "justice",
    ]
)
"""Words that alone do not make an organisation's name distinctive ("the Advisory Board" is no organisation)."""

# ---------------------------------------------------------------- declarations, memberships, questions

DECLARATION = re.compile(
    r"\b(?:declared|disclosed)[ \t\n]+(?:an?[ \t\n]+|that|the[ \t\n]+following|(?:his|her|their)[ \t\n]+)?"
    r"|\bdeclarations?[ \t\n]+of[ \t\n]+(?:an?[ \t\n]+)?(?:[a-z-]+[ \t\n]+){0,3}interest[ \t\n]+(?:was|were)[ \t\n]+made[ \t\n]+by",
    re.I,
)
"""Where a sentence declares an interest ("declared an interest", "declared that she is ...")."""

NO_DECLARATIONS = re.compile(
    r"\b(?:no|there[ \t]+were[ \t]+no)[ \t]+declarations?\b|\bnone[ \t]+(?:were|was)[ \t]+(?:made|declared)", re.I
)
"""A sentence saying no interests were declared."""

INTEREST_KIND = re.compile(
    r"(?P<dpi>disclosable[ \t\n]+pecuniary)|(?P<reg>(?:other[ \t\n]+)?regist(?:e)?rable)|(?P<prej>prejudicial)"
    r"|(?P<pers>personal)|(?P<other>non-pecuniary|non-registrable|other|significant|conflict)|(?P<pec>pecuniary)",
    re.I,
)
"""The kind of interest named in a declaration."""

WITHDREW = re.compile(
    r"(?<!required to )(?<!need to )(?<!did not )\b(?:left|leave|leaving|withdrew|withdraw|withdrawing|exited|absented)[ \t\n]+(?:the[ \t\n]+|from[ \t\n]+the[ \t\n]+)?"
    r"(?:room|meeting|chamber|discussion|debate|table)"
    r"|\btook[ \t\n]+no[ \t\n]+part|\bnot[ \t\n]+(?:take|taking)[ \t\n]+(?:any[ \t\n]+)?part|\bdid[ \t\n]+not[ \t\n]+(?:vote|participate|speak)"
    r"|\bnot[ \t\n]+(?:to[ \t\n]+)?(?:vote|participate)|\babstained|\brecused",
    re.I,
)
"""The declarant withdrew or took no part ("left the room", "took no part in the discussion")."""

ITEM_REFERENCE = re.compile(
    r"\b(?:agenda[ \t\n]+)?(?:item|minute)[ \t\n]+(?:no\.?[ \t]*)?(?P<num>(?:[A-Z]{1,4}[./]?)?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?)\b",
    re.I,
)
"""A reference to an agenda item by number ("in respect of agenda item 8", "Minute 58")."""

MEMBERSHIP_LEAVES = re.compile(
    r"\b(?:was|is|had[ \t]+been)?[ \t]*no[ \t]+longer[ \t]+(?:be[ \t]+)?a[ \t]+member[ \t]+of"
    r"|\b(?:would[ \t]+be|was|is|had[ \t]+been)[ \t]+(?:leaving|stepping[ \t]+down[ \t]+from|standing[ \t]+down[ \t]+from)"
    r"[ \t]+the[ \t]+(?:committee|commission|board|panel|council|cabinet|sub-committee)\b(?![ \t]+(?:chamber|meeting|room|offices))"
    r"|\b(?:had[ \t]+)?(?:left|resigned[ \t]+from|stood[ \t]+down[ \t]+from|stepped[ \t]+down[ \t]+from)[ \t]+the[ \t]+"
    r"(?:committee|commission|board|panel|council|cabinet|sub-committee)\b(?![ \t]+(?:chamber|meeting|room|offices|hall))",
    re.I,
)
"""Someone leaves a body ("was no longer a member of the Commission", "would be leaving the commission")."""

MEMBERSHIP_JOINS = re.compile(
    r"\b(?:would[ \t]+be|was|is|had[ \t]+been)[ \t]+(?:joining|appointed[ \t]+to|added[ \t]+to|co-opted[ \t]+(?:on)?to)"
    r"[ \t]+the[ \t]+(?:committee|commission|board|panel|cabinet|sub-committee)\b"
    r"|\b(?:had[ \t]+)?joined[ \t]+the[ \t]+(?:committee|commission|board|panel|sub-committee)",
    re.I,
)
"""Someone joins a body ("would be joining the Commission in her place")."""

APPOINTED_ROLE = re.compile(
    r"\b(?:appointment[ \t\n]+of|appoint(?:ed)?|elect(?:ed)?|election[ \t\n]+of)[ \t\n]+(?P<who>[^\n]{0,80}?)[ \t\n]+"
    r"(?:as|be[ \t\n]+(?:elected|appointed))[ \t\n]+(?:the[ \t\n]+)?(?P<role>(?:Vice|Deputy)[ \t\n-]*Chair(?:man|woman|person)?|Chair(?:man|woman|person)?)"
    r"|\b(?P<who2>{p})[ \t\n]+be[ \t\n]+(?:elected|appointed)[ \t\n]+(?:as[ \t\n]+)?(?:the[ \t\n]+)?"
    r"(?P<role2>(?:Vice|Deputy)[ \t\n-]*Chair(?:man|woman|person)?|Chair(?:man|woman|person)?)".replace(
        "{p}", r"[^\n]{3,60}?"
    ),
    re.I,
)
"""An appointment or election to chair a body ("That Mrs. H. Fryer CC be elected Deputy Chairman of ...")."""

PERIOD_ENDING = re.compile(
    r"\bfor[ \t\n]+the[ \t\n]+(?:period|municipal[ \t\n]+year|year)[ \t\n]+(?P<what>ending[^.;]{3,120}|\d{4}/\d{2,4})",
    re.I,
)
"""The term of an appointment ("for the period ending with the Annual Meeting of the County Council in 2019")."""

QUESTION_ASKED = re.compile(
    r"\b(?:asks?|asked|submitted[ \t]+(?:the[ \t]+following[ \t]+)?questions?)\b(?:[ \t]+a[ \t]+supplementary[ \t]+question)?[ \t]*:",
    re.I,
)
"""A public question is put ("Mr X asks:", "Dr X asked:")."""

QUESTION_BY = re.compile(
    r"\bquestions?[ \t\n]+(?:were|was)[ \t\n]+(?:presented|submitted|asked|put|received)[^.\n]{0,60}?[ \t\n]+by[ \t\n]+",
    re.I,
)
"""A public question in prose ("Questions were presented to the commission by Mr X")."""

ANSWERED = re.compile(
    r"\b(?:responded|replied|answered|gave[ \t]+the[ \t]+following[ \t]+(?:responses?|answers?|reply))\b|\bresponses?[ \t]+(?:were|was)[ \t]+given[ \t]+by\b",
    re.I,
)
"""Who answered a question ("The Director of X responded:", "responses were given by The Director of X")."""


ABBREVIATION_BEFORE_STOP = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|St|No|Nos|Prof|Rev|Revd|Cr|Messrs|approx|etc|e\.g|i\.e)|\b[A-Z])$"
)
"""A word before a full stop that does not end the sentence ("Mr.", "R.")."""

__all__ = [name for name in dir() if name.isupper() and not name.startswith("_")]
