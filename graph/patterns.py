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

ITEM_NUMBER_ALONE = re.compile(r"^[ \t]*(?:#+[ \t]*)?(?:item[ \t]+)?(?P<num>\d{1,4}[a-z]?(?:[./]\d{1,3})?)[.):]?[ \t]*$", re.I)
"""A line holding only an item number ("109." or "Item 5"), its title on a following line."""

ITEM_HEADING = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?:(?:item|minute)[ \t]+)?(?P<num>\d{1,4}[a-z]?(?:[./]\d{1,3})?)(?:[.):]|[ \t]+[-:][ \t]*)?"
    r"[ \t]+(?P<title>[A-Z(\"'][^\n]{1,200})$"
)
"""A line starting with an item number and a title ("149. WELCOME AND APOLOGIES", "1. Appointment of Chairman.")."""

SUB_ITEM_HEADING = re.compile(
    rf"^[ \t]*\((?P<num>{_ROMAN}|[a-h])\)[ \t]+(?P<title>[A-Z0-9(][A-Z0-9 ,'&()/:.\-]{{3,150}})$"
)
"""A lettered or roman sub-item with an upper-case title ("(ii) YOUTH JUSTICE PLAN")."""

TABLE_ROW_BREAK = re.compile(r"^[ \t]*\|[ \t]*$")
"""A line holding only a pipe: the break between rows of a minutes table exported as text."""

TABLE_RULE = re.compile(r"^[ \t]*(?:\|?[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*no\.?[ \t]*\|[ \t]*item[ \t]*\|?[ \t]*$", re.I)
"""The header and rule lines of a text-exported table ("No. | Item |", "---|---|")."""

TABLE_ROW_TITLE = re.compile(r"^[ \t]*(?P<title>[^\n.|]{2,160}?)\.(?=[ \t\n]|$)")
"""The first sentence of a table row, which is the item title ("Urgent Items. Minutes: ...")."""

MINUTES_LABEL = re.compile(r"^[ \t]*Minutes:[ \t]*$|\bMinutes:[ \t]*", re.M)
"""The "Minutes:" label that separates an agenda entry from what was minuted."""

SEPARATOR_LINE = re.compile(r"^[ \t]*(?:\*[ \t]*){3,}$|^[ \t]*(?:_{5,}|={5,})[ \t]*$")
"""A line of asterisks or rules that closes the attendance lists."""

ROSTER_HEADING = re.compile(
    r"^[ \t]*(?P<heading>(?:(?:councillors?|members?|officers?|others?)[ \t]+)?(?:P[ \t]*R[ \t]*E[ \t]*S[ \t]*E[ \t]*N[ \t]*T)"
    r"(?:[ \t]+(?:at[ \t]+the[ \t]+meeting|in[ \t]+person|remotely|virtually))?"
    r"|also[ \t]+present|(?:also[ \t]+)?in[ \t]+attendance|officers?(?:[ \t]+in[ \t]+attendance)?"
    r"|apologies(?:[ \t]+for[ \t]+absence)?(?:[ \t]+received)?|absent|(?:members[ \t]+)?not[ \t]+present"
    r"|co-?opted[ \t]+members?(?:[ \t]*\([^)\n]*\))?|standing[ \t]+invitees?(?:[ \t]*\([^)\n]*\))?"
    r"|substitutes?|(?:members[ \t]+of[ \t]+the[ \t]+)?public(?:[ \t]+present)?|roll[ \t]+call)"
    r"[ \t]*(?:[:.\-][ \t]*)?(?P<rest>[^\n]*)$",
    re.I,
)
"""The heading of an attendance list, with any names that follow it on the same line."""

RESOLUTION_MARKER = re.compile(
    r"(?P<marker>\b(?:RESOLVED|AGREED|DECIDED|DECISION|RECOMMENDED|RESOLUTION)\b"
    r"|(?<![a-z])(?:It[ \t]+was[ \t]+)?(?:Resolved|Agreed|Decided)(?=[ \t]*(?:[:\-]|that\b|to\b|unanimously\b)))"
    r"(?:[ \t]+unanimously)?[ \t]*(?:[:\-][ \t]*)?"
)
"""A resolution marker: RESOLVED / AGREED / "Resolved -" / "It was resolved that"."""

CLAUSE_LABEL = re.compile(
    rf"^[ \t]*(?:[-*][ \t]*)?(?:\((?P<p>\d{{1,2}}|[a-z]|{_ROMAN})\)|(?P<d>\d{{1,2}}|[a-z]|{_ROMAN})[.)])[ \t]+(?=\S)",
    re.I,
)
"""A clause label at the start of a line: "1)", "(a)", "i.", "- (b)"."""

INLINE_CLAUSE_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>\((?:\d{{1,2}}|[a-z]|{_ROMAN})\)|(?:\d{{1,2}}|[a-z]|{_ROMAN})\))[ \t]+(?=[A-Z])")
"""A clause label inside a running paragraph: "... (a) That ... (b) That ..."."""

# ---------------------------------------------------------------- meeting header

DATE = re.compile(
    rf"\b(?:(?P<weekday>{_WEEKDAYS}),?[ \t]+)?(?:the[ \t]+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?"
    rf"(?P<month>{_MONTHS})\.?,?[ \t]+(?P<year>(?:19|20)\d{{2}})\b"
    rf"|\b(?:(?P<weekday2>{_WEEKDAYS}),?[ \t]+)?(?P<month2>{_MONTHS})\.?[ \t]+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+"
    rf"(?P<year2>(?:19|20)\d{{2}})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b",
    re.I,
)
"""A written date: "Tuesday, 14 January 2025", "4th June 2018", "January 14, 2025", "2025-01-14"."""

TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?[ \t]*(?P<ampm>[ap]\.?[ \t]?m\.?)(?![a-z])"
    r"|\b(?P<hour24>[01]?\d|2[0-3])[:.](?P<minute24>[0-5]\d)(?![\d.:])(?:[ \t]*(?:hrs|hours|h)\b)?"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)
"""A clock time: "5:30 pm", "7.30pm", "14:00", "20:02", "noon"."""

END_TIME = re.compile(
    r"\b(?:meeting|it)[ \t]+(?:was[ \t]+)?(?:closed|concluded|ended|finished|terminated|adjourned|rose)"
    r"(?:[ \t]+at)?[ \t:]*(?P<time>[^\n]{0,25})"
    r"|\b(?:close|end|conclusion)[ \t]+of[ \t]+(?:the[ \t]+)?meeting[ \t:]*(?:at[ \t]+)?(?P<time2>[^\n]{0,25})"
    r"|\bmeeting[ \t]+(?:closed|ended|concluded)[ \t]*:[ \t]*(?P<time3>[^\n]{0,25})",
    re.I,
)
"""Where the minutes say when the meeting ended ("The meeting concluded at: 20:02")."""

START_TIME = re.compile(
    r"\b(?:commenc(?:ed|ing)|started|starting|began|beginning|opened)[ \t]+at[ \t]+(?P<time>[^\n]{0,20})"
    r"|\b(?:time|start)[ \t]*:[ \t]*(?P<time2>[^\n]{0,20})",
    re.I,
)
"""An explicit start time ("The meeting commenced at 7.30pm", "Time: 10.00 am")."""

VENUE = re.compile(
    r"^[ \t]*(?:venue|location|place|held[ \t]+at|meeting[ \t]+(?:place|location))[ \t]*:[ \t]*(?P<venue>[^\n]{3,200})$"
    r"|\bheld[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?(?P<venue2>[A-Z][^\n]{2,120}?)(?=,?[ \t]+on[ \t]|[.;\n])",
    re.I | re.M,
)
"""Where the meeting was held ("Venue: City Hall", "held at County Hall, Glenfield on ...")."""

BODY_HEADER = re.compile(
    r"minutes[ \t]+of[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:(?:ordinary|extraordinary|special|annual|virtual|remote|"
    r"public|regular|reconvened|adjourned|formal|informal)[ \t]+)*meeting[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?P<body>[^\n]{3,160}?)"
    r"(?=[ \t]+held\b|[ \t]+on[ \t]|[ \t]*,?[ \t]*\n\s*held\b|[ \t]*\n|[.,;]?[ \t]*$)",
    re.I | re.M,
)
"""The body named in a title such as "Minutes of a meeting of the X Committee held at ..."."""

BODY_DATE_TITLE = re.compile(
    rf"^[ \t]*(?P<body>[A-Z][^\n]{{3,160}}?)[ \t]+-[ \t]+(?:{_WEEKDAYS}),?[ \t]+\d",
    re.I | re.M,
)
"""A web-export title line: "Children, Young People and Education Scrutiny Commission - Tuesday, 14 January 2025"."""

BODY_WORD = re.compile(
    r"\b(?:committee|sub-committee|commission|board|panel|council|cabinet|forum|group|partnership|assembly|"
    r"executive|authority|trust|meeting)\b",
    re.I,
)
"""A word that names a kind of body; a header line without one is not a body name."""

COUNCIL_NAME = re.compile(
    r"\b(?P<name>(?:(?:Royal|London)[ \t]+Borough[ \t]+of[ \t]+[A-Z][\w'-]+(?:[ \t]+(?:and|upon|on)[ \t]+[A-Z][\w'-]+)*"
    r"|(?:[A-Z][\w'-]+[ \t]+){1,4}?(?:City|County|District|Borough|Town|Parish|Community|Metropolitan[ \t]+Borough|"
    r"Shire|Regional|Municipal|Village|Rural[ \t]+District)"
    r")[ \t\n]+Council|[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,2}[ \t]+Council)\b"
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

__all__ = [name for name in dir() if name.isupper() and not name.startswith("_")]
