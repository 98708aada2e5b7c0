"""Every text other than a finding's, per language, keyed by a stable code.

Developers read English (exceptions, logs); staff read Dutch (the CLI's
output, messages written into a workbook). Both languages hold every code, so
another language is one more dictionary with the same keys. A key is named by
what the text is, prefixed by the layer that shows it when only one does
(``cli-``, ``addin-``, ``server-``, ``report-``, ``history-``, ``agenda-``,
``compare-``);
texts more than one layer shows have no such prefix (``findings-summary``).
Render them with :func:`uvp.messages.render`.

>>> TEXTS["en"]["severity-error"], TEXTS["nl"]["severity-error"]
('error', 'fout')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

__all__ = ["TEXTS", "Language"]

Language = Literal["nl", "en"]
"""A language uvp speaks: ``nl`` for staff, ``en`` for developers."""

_ACCEPTED_EN: Final = (
    "write a quarter (Q2), a range (Q2-Q4), moments (Q1 en Q4), a window (Q3/Q4) or Doorlopend"
)
_ACCEPTED_NL: Final = (
    "schrijf een kwartaal (Q2), een periode (Q2-Q4), losse momenten (Q1 en Q4), "
    "een keuze (Q3/Q4) of Doorlopend"
)

TEXTS: Final[Mapping[Language, Mapping[str, str]]] = {
    "en": {
        # Quarter schedules
        "empty-schedule": "an empty text is not a quarter schedule: " + _ACCEPTED_EN,
        "unknown-quarter": (
            "cannot read {text!r} as a quarter schedule: there is no quarter Q{quarter} "
            "(a year has Q1 to Q4)"
        ),
        "reversed-range": (
            "cannot read {text!r} as a quarter schedule: the range runs backwards "
            "(write Q{first}-Q{last})"
        ),
        "repeated-quarter": (
            "cannot read {text!r} as a quarter schedule: Q{quarter} is named twice"
        ),
        "bad-schedule": "cannot read {text!r} as a quarter schedule: " + _ACCEPTED_EN,
        # Leads
        "empty-lead": "an empty text is not a lead (trekker)",
        "multiline-lead": (
            "{text!r} holds several lines: one lead per line; "
            "read a whole Trekker cell with parse_assignments()"
        ),
        "quarter-as-lead": (
            "{text!r} is a quarter, not a lead (trekker): are Trekker and Kwartaal swapped?"
        ),
        "lead-parentheses": (
            "cannot read {text!r} as a lead (trekker): write a unit in one pair of "
            "brackets after the name, as in 'Nijkerk (Bibob-medewerker)'"
        ),
        "lead-too-long": (
            "cannot read {text!r} as a lead (trekker): {length} characters is a sentence, "
            "not a name (put explanations in Toelichting)"
        ),
        "lead-no-letters": "cannot read {text!r} as a lead (trekker): it has no name in it",
        "misaligned-cells": (
            "Trekker {trekker!r} has {leads:plural:# line|# lines} but Kwartaal {kwartaal!r} has "
            "{quarters}: give one quarter for all leads, or one quarter per lead line"
        ),
        "quarter-without-lead": (
            "Kwartaal {kwartaal!r} has {quarters:plural:# line|# lines} but Trekker is empty: "
            "name a lead per quarter line"
        ),
        "unwritable-assignments": (
            "these assignments cannot be written as Trekker and Kwartaal cells: {reason}"
        ),
        # Plan data (JSON)
        "bad-json": "{source}: not valid JSON ({detail})",
        "not-a-plan": "{source}: not a uvp plan ({detail})",
        "schema-version-missing": (
            "{source}: no schema_version field: this is not a plan written by uvp"
        ),
        "schema-version-newer": (
            "{source}: schema_version {found} was written by a newer uvp "
            "(this one reads up to {supported}); upgrade uvp"
        ),
        "bad-plan-data": "{source}: {count:plural:# problem|# problems} in the plan data:\n{details}",
        "file-unreadable": "{source}: cannot read the file ({detail})",
        "file-not-found": "{source}: no such file",
        "path-not-found": "{source} does not exist (no file or folder of that name)",
        "not-a-plan-file": "{source}: not a uvp plan (uvp reads only files ending in {suffixes})",
        # Workbooks
        "workbook-missing": "{source}: no such file",
        "workbook-unreadable": "{source}: cannot open the file ({detail})",
        "workbook-not-zip": ("{source}: not an Excel workbook (.xlsx): {detail}"),
        "file-is-folder": "it is a folder",
        "file-is-device": "it is not a file but a device or a pipe",
        "file-is-empty": "the file is empty",
        "file-is-unknown": "the file has an unknown format",
        "file-is-html": (
            "it is an HTML file (a web page or a web export), not a workbook: "
            "open it in Excel and save it as .xlsx"
        ),
        "file-is-xml-2003": (
            "it is an Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx"
        ),
        "file-is-xml": "it is an XML file, not a workbook",
        "file-is-csv": "it looks like a CSV text file: open it in Excel and save it as .xlsx",
        "file-is-text": "it is a text file",
        "workbook-encrypted": (
            "{source}: the workbook is protected with a password; save it without a password "
            "(File > Info > Protect Workbook) and try again"
        ),
        "workbook-legacy-xls": (
            "{source}: this is an old Excel 97-2003 file (.xls); save it as .xlsx in Excel first"
        ),
        "workbook-too-large": "{source}: {detail}; uvp refuses to unpack it",
        "workbook-hostile-xml": (
            "{source}: part {part} declares a DOCTYPE or entities, which no Excel file does; "
            "uvp refuses to read it"
        ),
        "workbook-corrupt": "{source}: the workbook is damaged and cannot be read ({detail})",
        "workbook-strict": (
            "{source} is saved as Strict Open XML, which uvp cannot read here; "
            "save it in Excel as an ordinary Excel workbook (.xlsx)"
        ),
        "workbook-unknown-municipality": (
            "{source}: the workbook does not say which municipality's plan it is; "
            "give it with --gemeente"
        ),
        "workbook-unknown-year": (
            "{source}: the workbook does not say the plan's year; give it with --jaar"
        ),
        "workbook-locked": (
            "{source} is open in Excel ({lock} exists): close it in Excel and try again"
        ),
        "workbook-write-failed": "{source}: could not write the workbook ({detail}); the original is unchanged",
        "addin-bad-peildatum": "{source}: the Peildatum '{text}' is not a date",
        "addin-unknown-municipality": (
            "{source}: the workbook does not say whose plan it is; write it on the Plan sheet"
        ),
        "addin-unknown-year": "{source}: the workbook does not say the plan's year; write it on the Plan sheet",
        "workbook-plan-sheet-full": (
            "{source}: the Plan sheet has no empty row above its table for 'Gemeente' or 'Jaar'"
        ),
        "addin-ask": (
            "The workbook does not say {what}. Fill it in below: uvp puts it on the Plan "
            "sheet, so that the workbook says it from now on."
        ),
        "addin-ask-municipality": "whose plan it is",
        "addin-ask-year": "the plan's year",
        "addin-ask-both": "whose plan it is nor the plan's year",
        "addin-written-plan-info": "The Plan sheet now says {what}.",
        "addin-not-checked-overdue": (
            "Overdue actions were not checked: the workbook does not say the plan's year. "
            "Put 'Jaar' with the year beside it on the Plan sheet."
        ),
        "workbook-illegal-character": (
            "{source}: a text for this cell holds a control character Excel cannot store"
        ),
        "workbook-unwritable-action": "action {source!r}: {reason}",
        "workbook-exists": "{source} exists already; choose another name or allow overwriting",
        "output-is-input": (
            "{path} is one of the plans read: choose another file for the output; "
            "uvp does not write over a plan"
        ),
        "output-is-folder": "{path} is a folder: give a file name ending in one of {suffixes}",
        "output-bad-suffix": "{path}: uvp can write only these kinds of file here: {suffixes}",
        "output-one-file": (
            "{path} is one file, but there are {count} results: give a folder with -o"
        ),
        "file-write-failed": "{source}: could not write the file ({detail})",
        "workbook-not-a-plan": "{source}: no action table found (a header with Actie/Activiteit and Trekker or Kwartaal)",
        # The quarterly report (uvp.report)
        "report-write-failed": (
            "{source}: could not write the report ({detail}); an existing file is unchanged"
        ),
        "report-title": "Quarterly report, safety plan {year}: {municipality}",
        "report-next": "Next quarter: Q{quarter} {year}.",
        "report-next-outside": (
            "The next quarter is Q{quarter} {next_year}, outside this plan for {year}: "
            "nothing in it is due next quarter."
        ),
        "report-next-in-next-plan": (
            "The next quarter, Q{quarter} {next_year}, is in the plan for {next_year}; "
            "this report lists what the plan for {year} still has in Q4, this quarter."
        ),
        # Plans over time (uvp.history)
        "diff-other-municipality": (
            "cannot compare the plans of two municipalities ({old} and {new}) as versions of "
            "one plan; use uvp compare for the region view"
        ),
        # The add-in's message boxes
        "addin-validated": (
            "Check done: {errors:plural:# error|# errors} and "
            "{warnings:plural:# warning|# warnings}. "
            "See the Controle sheet; the links go to the cells."
        ),
        "addin-filled": (
            "Quarter columns filled for {marked:plural:# action|# actions}; "
            "{written:plural:# quarter|# quarters} taken from the columns."
        ),
        "addin-mismatches": (
            "For {count:plural:# action|# actions} Kwartaal and the quarter columns disagree ({cells}); "
            "those were not changed."
        ),
        "addin-evaluated": (
            "Evaluatie sheet written (peildatum {peildatum}): {actions:plural:# action|# actions}, "
            "{done} done "
            "({percent}%), {overdue} overdue."
        ),
        "addin-exported": (
            "The plan is on the JSON sheet as JSON ({lines:plural:# line|# lines}): select column A and copy, "
            "or save the sheet as text."
        ),
        # The Regio group of the ribbon (issue 15)
        "addin-reported": (
            "Kwartaalrapportage sheet written (peildatum {peildatum}, Q{quarter}): "
            "{actions:plural:# action|# actions}, {done} done, {overdue} overdue, {upcoming} due next quarter."
        ),
        "addin-compared": (
            "Regio sheet written: {municipalities}. {matches:plural:# joint action|# joint actions} alike, "
            "{mismatches} with a difference, {missing} missing in a plan."
        ),
        "addin-compared-own": (
            "Not compared: {files}, the plan of {municipality} itself; this workbook is "
            "compared instead."
        ),
        "addin-plan-file-kind": "{source}: uvp reads plans in .xlsx, .xlsm and .json files only",
        "addin-plan-file-unknown-municipality": (
            "{source}: that plan does not say whose plan it is; open it in Excel, put "
            "'Gemeente' with the name beside it on its Plan sheet, save it and choose it again"
        ),
        "addin-plan-file-unknown-year": (
            "{source}: that plan does not say its year; open it in Excel, put 'Jaar' with the "
            "year beside it on its Plan sheet, save it and choose it again"
        ),
        "addin-too-many-plans": (
            "{count:plural:# plan|# plans} chosen; uvp compares at most {most} at a time"
        ),
        # Shared by the CLI, the Controle sheet and the add-in
        "findings-none": "No findings.",
        "findings-summary": (
            "Findings: {errors:plural:# error|# errors}, {warnings:plural:# warning|# warnings}, "
            "{infos} info"
        ),
        "internal-error": (
            "Internal error in uvp ({kind}): {detail}. Please report this to the developers; "
            "your files have not been changed."
        ),
        "severity-error": "error",
        "severity-warning": "warning",
        "severity-info": "info",
        "column-priority-theme": "Priority / theme",
        "column-actions": "Actions",
        "kind-joint": "joint priority",
        "kind-local": "local priority",
        "plan-title": "Safety plan {year} — {municipality}",
        "ongoing": "Ongoing",
        "place-priority": "priority {number}",
        "place-theme": "theme {number}",
        "place-action": "action {number}",
        # The command line
        "plan-summary": (
            "{priorities:plural:# priority|# priorities}, {themes:plural:# theme|# themes}, "
            "{actions:plural:# action|# actions} "
            "({joint} joint, {local} local)"
        ),
        "no-plans-found": "No plans found in {path}.",
        "cli-help": "uvp: plan, check and evaluate your municipality's safety plan (UVP).",
        "cli-help-show": "Show an overview of each plan: priorities, themes, actions and findings.",
        "cli-help-paths": "Plans (.xlsx or .json) or folders of plans.",
        "cli-help-gemeente": "The municipality, where the workbook does not name it.",
        "cli-help-jaar": "The plan's year, where the workbook does not name it.",
        "cli-help-output": (
            "Write not into the workbook itself but into a copy: a file (for one workbook) "
            "or a folder; the original stays unchanged."
        ),
        "cli-help-convert-output": (
            "Where to write: a file (for one plan; .json or .xlsx decides the format) or a "
            "folder. By default beside each plan."
        ),
        "cli-metavar-convert-output": "FILE|FOLDER",
        "cli-help-new-gemeente": "The municipality whose plan it is.",
        "cli-help-new-jaar": "The plan's year.",
        "cli-help-peildatum": "The date to measure on (1-10-2024 or 2024-10-01); today by default.",
        "cli-help-validate": (
            "Check plans: missing leads and quarters, unreadable notations, overdue actions. "
            "Exits with code 1 on errors."
        ),
        "cli-help-write": "Also put the findings into the workbook's Controle sheet.",
        "cli-help-fill": (
            "Fill the quarter columns Q1-Q4 beside each action table and add a Status column "
            "with a drop-down."
        ),
        "cli-help-no-status": "Add no Status column.",
        "cli-help-evaluate": (
            "Write the Evaluatie sheet for the council: progress per priority and theme, goals "
            "achieved and still to achieve, and a chart."
        ),
        "cli-help-new": "Make an empty planning workbook (per-goal layout), ready to fill in.",
        "cli-help-new-path": "The new workbook (.xlsx).",
        "cli-help-overwrite": (
            "Replace a file that exists already (the old one is kept beside it as .bak)."
        ),
        "cli-help-convert": (
            "Convert workbooks to JSON and JSON to workbooks; carries on after a bad file."
        ),
        "cli-help-layout": "Layout of new workbooks: goal (per goal) or quarter (per quarter).",
        "cli-help-compare": (
            "Compare the joint actions in the plans of the region's municipalities: differences "
            "in lead and quarter, and actions missing from a plan."
        ),
        "cli-help-compare-output": (
            "Also write the Regio workbook (.xlsx) with the differences marked."
        ),
        "compare-needs-two": "Comparing needs the plans of at least two municipalities.",
        "compare-summary": (
            "Joint actions of {plans}: {match} equal, {mismatch} with differences, "
            "{missing} missing"
        ),
        "cli-compare-written": "Regio workbook written: {path}",
        "cli-help-agenda": (
            "A partner's agenda: everything the police, a municipality or the ZV-WVV leads or "
            "takes part in across the plans, per quarter, on one sheet."
        ),
        "cli-help-partner": "The partner, such as Politie, Barneveld or ZV-WVV.",
        "cli-help-agenda-output": "Also write the agenda into a workbook (.xlsx), one Agenda sheet.",
        "agenda-title": "Agenda {partner} {years}: {count:plural:# action|# actions} in the plans of {plans}",
        "agenda-none": "{partner} leads no action in these plans and takes part in none.",
        "agenda-unknown-partner": (
            "'{partner}' appears in none of the plans. Partners in these plans: {known}."
        ),
        "agenda-unknown-partner-suggestion": (
            "'{partner}' appears in none of the plans. Did you mean {suggestion}? "
            "Partners in these plans: {known}."
        ),
        "cli-agenda-written": "Workbook with the agenda written: {path}",
        "region-same-plan-twice": (
            "{municipality} {year} is in the input as a workbook and as JSON: uvp reads the "
            "workbook {workbook} and leaves out {other}."
        ),
        "duplicate-plan": (
            "The plan of {municipality} is in the input twice ({first} and {second}): "
            "give one file per municipality."
        ),
        "agenda-differs": "plans differ",
        "agenda-bucket-heading": "{bucket}: {count:plural:# action|# actions}",
        "agenda-role-lead": "lead",
        "agenda-role-each": "each municipality",
        "agenda-role-joint": "joint",
        "agenda-role-participant": "takes part",
        "agenda-bucket-1": "Q1 (January – March)",
        "agenda-bucket-2": "Q2 (April – June)",
        "agenda-bucket-3": "Q3 (July – September)",
        "agenda-bucket-4": "Q4 (October – December)",
        "agenda-bucket-ongoing": "Ongoing",
        "agenda-bucket-none": "Without a quarter",
        "compare-line-match": "equal     ",
        "compare-line-mismatch": "differs   ",
        "compare-line-missing": "missing   ",
        "usage-not-a-date": "'{text}' is not a date: write for example 1-10-2024 or 2024-10-01.",
        "cli-failed": "{count} of the {total:plural:# file|# files} {count:plural:has|have} failed:",
        "workbook-filled": (
            "{path}: quarter columns filled for {marked:plural:# action|# actions}; "
            "{written:plural:# quarter|# quarters} taken "
            "from the columns."
        ),
        "evaluation-written": (
            "{path}: Evaluatie sheet written (peildatum {peildatum}): "
            "{actions:plural:# action|# actions}, "
            "{done} done ({percent}%), {overdue} overdue."
        ),
        "cli-created": "{path}: new planning workbook made.",
        "cli-converted": "{source} → {target}",
        "cli-help-format": "Output as text (for people) or json (for programs).",
        # The command line's own words: help pages and usage errors (uvp.cli._dutch)
        "cli-usage": "Usage:",
        "cli-usage-options": "[OPTIONS]",
        "cli-usage-command": "COMMAND [ARGUMENTS]...",
        "cli-usage-hint": "See '{command} --help' for help.",
        "cli-arguments": "Arguments",
        "cli-options": "Options",
        "cli-commands": "Commands",
        "cli-required": "[required]",
        "cli-default": "[default: {value}]",
        "cli-help-help": "Show this help and stop.",
        "cli-help-version": "Show uvp's version and stop.",
        "cli-version": "uvp {version}",
        "cli-error": "Error: {message}",
        "cli-aborted": "Aborted.",
        "cli-metavar-plan": "PLAN",
        "cli-metavar-new-path": "WORKBOOK",
        "cli-metavar-diff-old": "OLD",
        "cli-metavar-diff-new": "NEW",
        "cli-metavar-gemeente": "NAME",
        "cli-metavar-new-gemeente": "NAME",
        "cli-metavar-jaar": "YEAR",
        "cli-metavar-new-jaar": "YEAR",
        "cli-metavar-format": "text|json",
        "cli-metavar-output": "FILE|FOLDER",
        "cli-metavar-compare-output": "FILE",
        "cli-metavar-agenda-output": "FILE",
        "cli-metavar-report-output": "FILE",
        "cli-metavar-next-year-output": "FILE",
        "cli-metavar-peildatum": "DATE",
        "cli-metavar-woordenlijst": "FILE",
        "cli-metavar-layout": "goal|quarter",
        "cli-metavar-partner": "PARTNER",
        "cli-metavar-host": "ADDRESS",
        "cli-metavar-port": "PORT",
        "cli-metavar-cert": "FILE",
        "cli-metavar-key": "FILE",
        "cli-metavar-public-url": "URL",
        "cli-metavar-allowed-host": "HOST",
        "cli-metavar-workers": "NUMBER",
        "cli-metavar-request-timeout": "SECONDS",
        "cli-metavar-max-requests": "NUMBER",
        "usage-missing-argument": "Argument {name} is missing.",
        "usage-missing-option": "Option {name} is missing.",
        "usage-no-option": "Unknown option {name}.",
        "usage-did-you-mean": "Unknown option {name}. Did you mean {names}?",
        "usage-needs-value": "Option {name} needs a value.",
        "usage-no-value": "Option {name} takes no value.",
        "usage-extra": "Too many arguments: {args}.",
        "usage-no-command": "Unknown command '{name}'.",
        "usage-missing-command": "Give a command.",
        "usage-bad-value": "Invalid value for {name}: {reason}",
        "usage-not-integer": "this is not a whole number.",
        "usage-not-number": "this is not a number.",
        "usage-too-small": "this must be at least {limit}.",
        "usage-too-large": "this must be at most {limit}.",
        "usage-choice": "'{value}' is not one of {choices}.",
        "cli-help-serve": (
            "Start the server behind the UVP ribbon in Excel (Windows, macOS and Excel on the "
            "web): the buttons Controleren, Kwartalen vullen, Evaluatie, Exporteren, "
            "Kwartaalrapportage and Vergelijken. The manifest is at /manifest.xml. Stop with "
            "Ctrl+C."
        ),
        "cli-help-host": (
            "The address the server listens on; only this computer (127.0.0.1) by default. "
            "Behind a reverse proxy on the same server that need not change."
        ),
        "cli-help-port": "The port the server listens on.",
        "cli-help-cert": "The certificate (PEM) for HTTPS; together with --key.",
        "cli-help-key": "The key (PEM) of the certificate for HTTPS; together with --cert.",
        "cli-help-public-url": (
            "The https address at which Excel reaches the server, such as "
            "https://uvp.gemeente.nl; it goes into the manifest at /manifest.xml. Without it: "
            "the request's address, if that is this machine or given with --allowed-host."
        ),
        "serve-cert-key": "Give both --cert and --key, or neither.",
        "serve-missing-file": "{path} does not exist.",
        "serve-bad-url": (
            "'{url}' is not an https address such as https://uvp.gemeente.nl (without ? or #)."
        ),
        "serve-needs-extra": (
            "uvp serve needs FastAPI and uvicorn ({detail}): "
            'install them with  python -m pip install "uvp[server]"'
        ),
        "serve-no-https": (
            "Note: the server listens on {host} without HTTPS. Excel loads add-ins only over "
            "https: put a reverse proxy with a certificate in front of it, or give --cert "
            "and --key."
        ),
        "serve-start": "uvp server at {url} (manifest: {url}/manifest.xml). Stop with Ctrl+C.",
        "cli-help-report": (
            "Make the quarterly report for the driehoeksoverleg: per priority what is done, "
            "what is overdue and what is planned for the next quarter. With -o also as a web "
            "page (.html, to print) or a workbook with a chart (.xlsx)."
        ),
        "cli-help-report-path": "The plan (.xlsx or .json), with its Status column up to date.",
        "cli-help-report-output": (
            "Also write the report to a file: .html (one self-contained web page) or .xlsx "
            "(a new workbook with a chart)."
        ),
        "report-other-year": "Note: the peildatum {date} is not in the plan's year {year}.",
        "report-priority-line": (
            "{label}: {actions:plural:# action|# actions} — {done} done, {running} running, {overdue} overdue, "
            "{other} other, {cancelled} cancelled ({percent}% done)"
        ),
        "cli-report-written": "Report written: {path}",
        "cli-help-diff": (
            "Show what changed between two versions of the same plan: actions added, removed, "
            "another quarter, another lead, another status. Exit code 1 on differences."
        ),
        "cli-help-diff-old": "The old version of the plan (.xlsx or .json).",
        "cli-help-diff-new": "The new version of the plan (.xlsx or .json).",
        "history-diff-summary": (
            "{municipality}: {old} ({old_year}, {old_actions:plural:# action|# actions}) → {new} "
            "({new_year}, "
            "{new_actions:plural:# action|# actions}): {changes:plural:# change|# changes} in "
            "{actions:plural:# action|# actions}"
        ),
        "history-diff-none": "No differences.",
        "history-diff-years": "Note: the plans are of different years ({old_year} and {new_year}).",
        "history-diff-heading": "{label} ({count})",
        "cli-help-next-year": (
            "Make next year's plan from an evaluated plan: goals stay, actions that are done "
            "or cancelled are left out, the rest is carried over without a quarter."
        ),
        "cli-help-next-year-path": "The evaluated plan (.xlsx or .json).",
        "cli-help-next-year-output": (
            "The new plan (.xlsx or .json); by default beside the old one, with the new year "
            "in its name."
        ),
        "history-next-year-written": "{source} → {target}: UVP {year} of {municipality}.",
        "history-next-year-summary": (
            "{kept:plural:# action|# actions} carried over; left out: {done} done, {cancelled} cancelled; "
            "{goals:plural:# goal|# goals} kept."
        ),
        "history-next-year-not-evaluated": (
            "Note: no action in {source} is done or cancelled, so every action was carried "
            "over. Has the plan been evaluated (Status column)?"
        ),
        "history-next-year-todo": (
            "{count:plural:# action|# actions} without a quarter: plan them (uvp validate {target} shows where)."
        ),
        "history-next-year-todo-workbook": (
            "{count:plural:# action|# actions} without a quarter: mark each one's quarters in "
            "Q1-Q4 (or fill in Kwartaal), then run uvp fill {target}."
        ),
        "history-next-year-ongoing": "{count:plural:# action stays|# actions stay} ongoing.",
        "history-next-year-dated": (
            "{count:plural:# carried-over action still names|# carried-over actions still name} "
            "{year}: check the dates."
        ),
        "history-next-year-read-findings": "While reading {source}:",
        "history-next-year-other-findings": "uvp also found in the new plan:",
        # The server behind the ribbon: answers to the Excel add-in
        "server-unknown-script": "Unknown command '{name}': the server knows only {known}.",
        "server-not-json-type": (
            "The request must be JSON (Content-Type: application/json), as the UVP buttons "
            "in Excel send it."
        ),
        "server-not-json": "The request is not readable JSON ({detail}).",
        "server-too-large": (
            "The workbook is too large to send (more than {limit} MB). Remove sheets that do "
            "not belong to the plan, or use uvp on the computer."
        ),
        "server-bad-payload": (
            "The request is not a workbook as the UVP buttons in Excel send it: {detail}"
        ),
        "server-no-args": "The button '{name}' takes only the plan's municipality and year as arguments.",
        "server-bad-region-args": (
            "The button '{name}' takes the plan's municipality and year and the chosen plans "
            "(plannen: naam and inhoud) as arguments: {detail}"
        ),
        "server-bad-upload": "the file '{name}' did not arrive whole (its content is not base64)",
        # The quarterly report's labels
        "report-peildatum": "Peildatum {date} (Q{quarter})",
        "report-overview": "Overview per priority",
        "report-col-priority": "Priority",
        "report-col-actions": "Actions",
        "report-col-cancelled": "Cancelled",
        "report-col-upcoming": "Next quarter",
        "report-col-current": "This quarter",
        "report-col-percent": "% done",
        "report-col-action": "Action",
        "report-col-lead": "Lead",
        "report-col-quarter": "Quarter",
        "report-col-theme": "Theme",
        "report-col-status": "Status",
        "report-segment-done": "Done",
        "report-segment-running": "Running",
        "report-segment-at-risk": "Attention",
        "report-segment-overdue": "Overdue",
        "report-segment-other": "Other",
        "report-total": "Total",
        "report-list-done": "Done",
        "report-list-overdue": "Overdue",
        "report-list-upcoming": "Next quarter (Q{quarter})",
        "report-list-upcoming-none": "Next quarter (outside the plan's year)",
        "report-list-current": "This quarter (Q{quarter}, the plan's last)",
        "report-list-empty": "None.",
        "report-chart-title": "Progress per priority on {date}",
        "report-chart-empty": "no actions",
        "report-cancelled": "{count} cancelled (not in the chart)",
        "report-actions-total": "{count:plural:# action|# actions} in all",
        "report-legend-note": (
            "Running: running and still on time; Overdue: the last quarter has passed and the "
            "action is not done; Other: planned, postponed or without a status; cancelled "
            "actions are not in the chart"
        ),
        "report-footer": "Made with uvp from the status in the plan on {date}.",
        # Plans over time (uvp.history)
        "history-none": "none",
        "history-carried": "Carried over from UVP {year} (status: {status}).",
        "history-carried-no-status": "Carried over from UVP {year} (without a status).",
        "history-kind-added": "added",
        "history-kind-removed": "removed",
        "history-kind-moved": "another quarter",
        "history-kind-lead": "another lead",
        "history-kind-status": "another status",
        "history-kind-text": "text changed",
        "history-kind-note": "note changed",
        "history-kind-moved-theme": "another theme",
        # -- server hardening (issue 13)
        "addin-peildatum-not-one-cell": (
            "{source}: the name Peildatum refers to {address} ({rows:plural:# row|# rows}, "
            "{columns:plural:# column|# columns}) instead of one cell. Make the name refer to the cell with the date "
            "(Formulas › Name Manager)."
        ),
        "addin-peildatum-no-cell": (
            "{source}: the name Peildatum does not refer to a cell. Make the name refer to the "
            "cell with the date (Formulas › Name Manager)."
        ),
        "cli-help-workers": (
            "The number of worker processes; each runs one button at a time, so N processes "
            "serve N users at once."
        ),
        "cli-help-allowed-host": (
            "A host name (with :port if it matters) the manifest may take its address from, "
            "such as uvp.gemeente.nl; may be repeated. Also from UVP_ALLOWED_HOSTS (separated "
            "by commas). Not needed with --public-url."
        ),
        "cli-help-request-timeout": (
            "Seconds in which a request (header and body) must have come in; then the server "
            "closes the connection."
        ),
        "cli-help-max-requests": (
            "Requests per worker process that may be in progress at once (coming in, waiting "
            "or running); beyond that the server answers 'busy' (503)."
        ),
        "serve-bad-host": (
            "'{host}' is not a host name such as uvp.gemeente.nl or uvp.gemeente.nl:8443."
        ),
        "server-busy": (
            "The UVP server is busy ({count:plural:# request|# requests} at once). Try again in "
            "{seconds:plural:# second|# seconds}."
        ),
        "server-busy-waited": (
            "The UVP server is busy: your request waited {waited:plural:# second|# seconds} for its turn. Try "
            "again in {seconds:plural:# second|# seconds}."
        ),
        "server-too-deep": "The request is nested too deeply to be a workbook.",
        "server-bad-address": "'{address}' is not a cell address such as B3, A1:D20, A:C or 1:4",
        "server-active-sheet": (
            "the active sheet ({index}) does not exist: the workbook has {count:plural:# sheet|# sheets}"
        ),
        "server-name-sheet": (
            "the name '{name}' belongs to sheet {index}, but the workbook has {count:plural:# sheet|# sheets}"
        ),
        "server-ragged-rows": "the rows of sheet '{sheet}' differ in length",
        "server-problem-missing": "is missing",
        "server-problem-type": "has the wrong kind of value",
        "server-problem-too-long": "is too long",
        "server-problem-too-short": "is too short or empty",
        "server-problem-range": "is out of the allowed range",
        "server-problem-choice": "has a value the server does not know",
        "server-problem-other": "is invalid",
        "server-not-found": "This page does not exist on the UVP server.",
        "server-method-not-allowed": "The UVP server does not allow {method} here (only {allowed}).",
        "server-http-error": "The UVP server cannot handle this request (HTTP status {status}).",
        "server-internal-error": (
            "Internal error in the UVP server ({kind}). The administrator finds the cause in "
            "the server's log."
        ),
        "server-bad-request": "This is not a valid HTTP request; the connection is closed.",
        "server-request-timeout": (
            "The request had not come in full within {seconds:plural:# second|# seconds}; the connection is "
            "closed. Try again."
        ),
        "server-too-many-connections": (
            "The UVP server has too many open connections. Try again in a few seconds."
        ),
        "server-unknown-host": (
            "This UVP server does not know the address '{host}' and so does not put it in the "
            "manifest. The administrator gives the address with --public-url or --allowed-host."
        ),
        # -- end of server hardening (issue 13)
        # -- vocabulary (issue 11): reading timing, leads and status in staff's own words
        "disagreeing-schedule": (
            "cannot read {text!r} as a quarter schedule: {outer} and {inner} (in brackets) "
            "say different things"
        ),
        "mixed-years": (
            "cannot read {text!r} as a quarter schedule: it names quarters in different years "
            "({years}); write one line per year"
        ),
        "reversed-years": (
            "cannot read {text!r} as a quarter schedule: the span runs backwards "
            "(write {first}-{last})"
        ),
        "ambiguous-winter": (
            "cannot read {text!r} as a quarter schedule: winter can be Q1 or Q4 of the year; "
            "write the quarter"
        ),
        "biennial-schedule": (
            "cannot read {text!r} as a quarter schedule: once every two years says nothing "
            "about this year; write the quarter, or n.v.t."
        ),
        "several-organisations": (
            "{text!r} names {count} organisations ({leads}): read it with parse_leads() "
            "or parse_assignments()"
        ),
        "status-planned": "planned",
        "status-running": "running",
        "status-at-risk": "at risk",
        "status-done": "done",
        "status-postponed": "postponed",
        "status-cancelled": "cancelled",
        # -- end of vocabulary (issue 11)
        # -- workbook layout (issue 11) and reading without loss (issue 13)
        "field-quarter": "quarter",
        "field-lead": "lead (trekker)",
        "field-status": "status",
        "vocabulary-no-term": "the meaning {meaning!r} has no term",
        "vocabulary-kind": "{kind!r} is not a kind of cell: write Kwartaal, Trekker or Status",
        "vocabulary-no-meaning": "{term!r} has no meaning",
        "vocabulary-status": "{text!r} is not a status uvp knows",
        "vocabulary-duplicate": (
            "{term!r} is already in the list (row {row}) with another meaning; this row is used"
        ),
        "vocabulary-sheet-title": "Woordenlijst: your own words",
        "vocabulary-sheet-explanation": (
            "Does this plan use words uvp does not know? Write them here: what you write "
            "(Term), for which column (Soort: Kwartaal, Trekker or Status) and what it means "
            "in a notation uvp reads (Betekenis). These words come before uvp's own."
        ),
        "matrix-kept-no-column": "the table has no Kwartaal column",
        "matrix-kept-filled": "Kwartaal already says '{text}'",
        "vocabulary-sheet-example": (
            "For example: Sinterklaas | Kwartaal | Q4 — Wijkteam | Trekker | Gemeente "
            "(wijkteam) — blauw | Status | Gereed."
        ),
        "merged-header": (
            "the heading of its first column only: the columns under the others have no "
            "heading, so the table below is not read"
        ),
        "merged-block": "only the value at its top left, so the table in it cannot be read",
        "workbook-sheet-rows": (
            "{source}: sheet '{sheet_name}' has values in more than {limit:plural:# row|# rows} (up to row "
            "{rows}); uvp refuses to unpack it"
        ),
        "workbook-sheet-cells": (
            "{source}: the values of sheet '{sheet_name}' span {rows:plural:# row|# rows} by {columns:plural:# column|# columns} "
            "(at most {limit:plural:# cell|# cells}); uvp refuses to unpack it"
        ),
        "workbook-no-vocabulary": (
            "{source}: no Woordenlijst found (a sheet with a header Term | Soort | Betekenis)"
        ),
        "cli-help-woordenlijst": (
            "A workbook with staff's own words (a Woordenlijst: Term | Soort | Betekenis), "
            "shared by the region; a workbook's own Woordenlijst adds to it."
        ),
        # -- end of workbook layout (issue 11) and reading without loss (issue 13)
    },
    "nl": {
        "empty-schedule": "Een leeg vak is geen kwartaalplanning: " + _ACCEPTED_NL + ".",
        "unknown-quarter": (
            "'{text}' is geen kwartaalplanning: Q{quarter} bestaat niet "
            "(een jaar heeft Q1 tot en met Q4)."
        ),
        "reversed-range": (
            "'{text}' is geen kwartaalplanning: de periode loopt achteruit "
            "(bedoelt u Q{first}-Q{last}?)."
        ),
        "repeated-quarter": "'{text}' is geen kwartaalplanning: Q{quarter} staat er twee keer in.",
        "bad-schedule": "'{text}' is geen kwartaalplanning: " + _ACCEPTED_NL + ".",
        "empty-lead": "Een leeg vak is geen trekker.",
        "multiline-lead": "'{text}' bevat meerdere regels: zet één trekker per regel.",
        "quarter-as-lead": (
            "'{text}' is een kwartaal, geen trekker: zijn Trekker en Kwartaal verwisseld?"
        ),
        "lead-parentheses": (
            "'{text}' is geen trekker: zet een afdeling tussen één paar haakjes achter de naam, "
            "zoals 'Nijkerk (Bibob-medewerker)'."
        ),
        "lead-too-long": (
            "'{text}' is geen trekker: met {length} tekens is dit een zin, geen naam "
            "(zet uitleg in Toelichting)."
        ),
        "lead-no-letters": "'{text}' is geen trekker: er staat geen naam in.",
        "misaligned-cells": (
            "Trekker '{trekker}' heeft {leads:plural:# regel|# regels}, maar Kwartaal '{kwartaal}' heeft er "
            "{quarters}: geef één kwartaal voor alle trekkers, of één kwartaal per trekker."
        ),
        "quarter-without-lead": (
            "Kwartaal '{kwartaal}' heeft {quarters:plural:# regel|# regels} maar er staat geen trekker: "
            "zet per kwartaalregel een trekker."
        ),
        "unwritable-assignments": (
            "Deze trekkers en kwartalen passen niet in de vakken Trekker en Kwartaal: {reason}"
        ),
        "bad-json": "{source}: geen geldige JSON ({detail}).",
        "not-a-plan": "{source}: dit is geen uvp-plan ({detail}).",
        "schema-version-missing": (
            "{source}: het veld schema_version ontbreekt: dit plan is niet door uvp geschreven."
        ),
        "schema-version-newer": (
            "{source}: dit plan is geschreven door een nieuwere versie van uvp "
            "(schema {found}; deze versie leest tot en met {supported}). Werk uvp bij."
        ),
        "bad-plan-data": "{source}: {count:plural:# probleem|# problemen} in het plan:\n{details}",
        "file-unreadable": "{source}: het bestand kan niet worden gelezen ({detail}).",
        "file-not-found": "{source}: dit bestand bestaat niet.",
        "path-not-found": "{source} bestaat niet (er is geen bestand of map met die naam).",
        "not-a-plan-file": (
            "{source}: dit is geen uvp-plan (uvp leest alleen bestanden die eindigen op {suffixes})."
        ),
        # Werkmappen
        "workbook-missing": "{source}: dit bestand bestaat niet.",
        "workbook-unreadable": (
            "{source}: het bestand kan niet worden geopend ({detail}). "
            "Controleer of u het mag lezen en of een ander programma het niet vasthoudt."
        ),
        "workbook-not-zip": "{source}: dit is geen Excel-werkmap (.xlsx): {detail}.",
        "file-is-folder": "het is een map",
        "file-is-device": "het is geen bestand maar een apparaat of een pijp (pipe)",
        "file-is-empty": "het bestand is leeg",
        "file-is-unknown": "het bestand heeft een onbekend formaat",
        "file-is-html": (
            "het is een HTML-bestand (een webpagina of een webexport), geen werkmap: "
            "open het in Excel en sla het op als .xlsx"
        ),
        "file-is-xml-2003": (
            "het is een Excel 2003 XML-spreadsheet: open het in Excel en sla het op als .xlsx"
        ),
        "file-is-xml": "het is een XML-bestand, geen werkmap",
        "file-is-csv": (
            "het lijkt een CSV-tekstbestand: open het in Excel en sla het op als .xlsx"
        ),
        "file-is-text": "het is een tekstbestand",
        "workbook-encrypted": (
            "{source}: de werkmap is beveiligd met een wachtwoord. Sla hem op zonder wachtwoord "
            "(Bestand > Info > Werkmap beveiligen) en probeer het opnieuw."
        ),
        "workbook-legacy-xls": (
            "{source}: dit is een oud Excel 97-2003-bestand (.xls). Sla het in Excel eerst op als .xlsx."
        ),
        "workbook-too-large": "{source}: {detail}; uvp pakt dit bestand niet uit.",
        "workbook-hostile-xml": (
            "{source}: onderdeel {part} bevat een DOCTYPE of entiteiten, wat geen Excel-bestand doet; "
            "uvp leest dit bestand niet."
        ),
        "workbook-corrupt": "{source}: de werkmap is beschadigd en kan niet worden gelezen ({detail}).",
        "workbook-strict": (
            "{source} is opgeslagen als Strict Open XML, wat uvp hier niet kan lezen; "
            "sla de werkmap in Excel op als gewone Excel-werkmap (.xlsx)."
        ),
        "workbook-unknown-municipality": (
            "{source}: de werkmap zegt niet van welke gemeente het plan is; geef die op met --gemeente."
        ),
        "workbook-unknown-year": (
            "{source}: de werkmap zegt niet voor welk jaar het plan is; geef dat op met --jaar."
        ),
        "workbook-locked": (
            "{source} is geopend in Excel ({lock} bestaat): sluit de werkmap in Excel en probeer het opnieuw."
        ),
        "workbook-write-failed": (
            "{source}: de werkmap kon niet worden opgeslagen ({detail}); het origineel is ongewijzigd."
        ),
        "addin-bad-peildatum": (
            "{source}: de peildatum '{text}' is geen datum: vul een datum in, zoals 1-10-2024."
        ),
        "addin-unknown-municipality": (
            "{source}: de werkmap zegt niet van welke gemeente het plan is. Maak een blad Plan "
            "met in de eerste kolom 'Gemeente' en ernaast de naam, of zet de gemeente in de titel "
            "(Uitvoeringsplan Veiligheid 2024 gemeente …)."
        ),
        "addin-unknown-year": (
            "{source}: de werkmap zegt niet voor welk jaar het plan is. Zet op het blad Plan "
            "'Jaar' met ernaast het jaar, of zet het jaar in de titel."
        ),
        "workbook-plan-sheet-full": (
            "{source}: op het blad Plan is boven de tabel geen lege regel meer voor 'Gemeente' "
            "of 'Jaar'. Maak er een vrij en probeer het opnieuw."
        ),
        "addin-ask": (
            "De werkmap zegt niet {what}. Vul het hieronder in: uvp zet het op het blad Plan, "
            "zodat de werkmap het voortaan zelf zegt."
        ),
        "addin-ask-municipality": "van welke gemeente het plan is",
        "addin-ask-year": "voor welk jaar het plan is",
        "addin-ask-both": "van welke gemeente en voor welk jaar het plan is",
        "addin-written-plan-info": "Op het blad Plan staat nu {what}.",
        "addin-not-checked-overdue": (
            "Te late acties zijn niet gecontroleerd: de werkmap zegt niet voor welk jaar het "
            "plan is. Zet op het blad Plan 'Jaar' met ernaast het jaar."
        ),
        "addin-validated": (
            "Controle klaar: {errors:plural:# fout|# fouten} en "
            "{warnings:plural:# waarschuwing|# waarschuwingen}. "
            "Zie het blad Controle; de links gaan naar de cellen."
        ),
        "addin-filled": (
            "Kwartaalkolommen ingevuld bij {marked:plural:# actie|# acties}; "
            "{written:plural:# kwartaal|# kwartalen} uit de kolommen "
            "overgenomen."
        ),
        "addin-mismatches": (
            "Bij {count:plural:# actie|# acties} zeggen Kwartaal en de kwartaalkolommen iets anders ({cells}); "
            "die zijn niet veranderd."
        ),
        "addin-evaluated": (
            "Blad Evaluatie geschreven (peildatum {peildatum}): "
            "{actions:plural:# actie|# acties}, {done} gereed "
            "({percent}%), {overdue} te laat."
        ),
        "addin-exported": (
            "Het plan staat als JSON op het blad JSON ({lines:plural:# regel|# regels}): selecteer kolom A en "
            "kopieer, of sla het blad op als tekst."
        ),
        # De groep Regio op het lint (issue 15)
        "addin-reported": (
            "Blad Kwartaalrapportage geschreven (peildatum {peildatum}, Q{quarter}): "
            "{actions:plural:# actie|# acties}, {done} gereed, {overdue} te laat, {upcoming} in het volgende kwartaal."
        ),
        "addin-compared": (
            "Blad Regio geschreven: {municipalities}. "
            "{matches:plural:# gezamenlijke actie|# gezamenlijke acties} gelijk, "
            "{mismatches} met een verschil, {missing:plural:# ontbreekt|# ontbreken} in een plan."
        ),
        "addin-compared-own": (
            "Niet vergeleken: {files}, het plan van {municipality} zelf; vergeleken is met "
            "deze werkmap."
        ),
        "addin-plan-file-kind": (
            "{source}: uvp leest alleen plannen in .xlsx-, .xlsm- en .json-bestanden."
        ),
        "addin-plan-file-unknown-municipality": (
            "{source}: dat plan zegt niet van welke gemeente het is. Open het in Excel, zet op "
            "het blad Plan 'Gemeente' met ernaast de naam, sla het op en kies het opnieuw."
        ),
        "addin-plan-file-unknown-year": (
            "{source}: dat plan zegt niet voor welk jaar het is. Open het in Excel, zet op het "
            "blad Plan 'Jaar' met ernaast het jaar, sla het op en kies het opnieuw."
        ),
        "addin-too-many-plans": (
            "Er {count:plural:is # plan|zijn # plannen} gekozen; uvp vergelijkt er hoogstens "
            "{most} tegelijk."
        ),
        "workbook-illegal-character": (
            "{source}: de tekst voor deze cel bevat een stuurteken dat Excel niet kan opslaan."
        ),
        "workbook-unwritable-action": "Actie '{source}': {reason}",
        "workbook-exists": (
            "{source} bestaat al: kies een andere naam, of geef --overwrite om het te "
            "vervangen (uvp bewaart het oude dan ernaast als .bak-bestand)."
        ),
        "output-is-input": (
            "{path} is een van de plannen die u opgaf: kies een ander bestand voor de uitvoer, "
            "uvp schrijft niet over een plan heen."
        ),
        "output-is-folder": (
            "{path} is een map: geef een bestandsnaam die eindigt op een van {suffixes}."
        ),
        "output-bad-suffix": (
            "{path}: uvp kan hier alleen deze soorten bestanden schrijven: {suffixes}."
        ),
        "output-one-file": (
            "{path} is één bestand, maar er zijn {count} resultaten: geef met -o een map."
        ),
        "file-write-failed": "{source}: het bestand kon niet worden opgeslagen ({detail}).",
        "workbook-not-a-plan": (
            "{source}: geen actietabel gevonden (een kopregel met Actie/Activiteit en Trekker of Kwartaal)."
        ),
        # CLI
        "plan-summary": (
            "{priorities:plural:# prioriteit|# prioriteiten}, {themes:plural:# thema|# thema's}, "
            "{actions:plural:# actie|# acties} "
            "({joint} gezamenlijk, {local} lokaal)"
        ),
        "findings-none": "Geen bevindingen.",
        "findings-summary": (
            "Bevindingen: {errors:plural:# fout|# fouten}, "
            "{warnings:plural:# waarschuwing|# waarschuwingen}, {infos} info"
        ),
        "no-plans-found": "Geen plannen gevonden in {path}.",
        "internal-error": (
            "Interne fout in uvp ({kind}): {detail}. Meld dit aan de ontwikkelaars; "
            "uw bestanden zijn niet gewijzigd."
        ),
        "cli-help": (
            "uvp: plan, controleer en evalueer het Uitvoeringsplan Veiligheid (UVP) "
            "van uw gemeente."
        ),
        "cli-help-show": "Toon per plan een overzicht van prioriteiten, thema's, acties en bevindingen.",
        "cli-help-paths": "Plannen (.xlsx of .json) of mappen met plannen.",
        "cli-help-gemeente": "De gemeente, als de werkmap die niet noemt.",
        "cli-help-jaar": "Het jaar van het plan, als de werkmap dat niet noemt.",
        "cli-help-output": (
            "Schrijf niet in de werkmap zelf maar in een kopie: een bestand (bij één werkmap) "
            "of een map; het origineel blijft ongewijzigd."
        ),
        "cli-help-convert-output": (
            "Waar het resultaat komt: een bestand (bij één plan; .json of .xlsx bepaalt de "
            "soort) of een map. Standaard naast elk plan."
        ),
        "cli-metavar-convert-output": "BESTAND|MAP",
        "cli-help-new-gemeente": "De gemeente van wie het plan is.",
        "cli-help-new-jaar": "Het jaar van het plan.",
        "cli-help-peildatum": "De datum waarop gemeten wordt (1-10-2024 of 2024-10-01); standaard vandaag.",
        "cli-help-validate": (
            "Controleer plannen: ontbrekende trekkers en kwartalen, onleesbare notaties, "
            "te late acties. Stopt met code 1 bij fouten."
        ),
        "cli-help-write": "Zet de bevindingen ook in het blad Controle van de werkmap.",
        "cli-help-fill": (
            "Vul de kwartaalkolommen Q1-Q4 naast elke actietabel en voeg een kolom Status "
            "met keuzelijst toe."
        ),
        "cli-help-no-status": "Voeg geen kolom Status toe.",
        "cli-help-evaluate": (
            "Schrijf het blad Evaluatie voor de raad: per prioriteit en thema de voortgang, "
            "behaalde en nog te behalen doelstellingen, en een grafiek."
        ),
        "cli-help-new": "Maak een lege planningswerkmap (indeling per doel), klaar om in te vullen.",
        "cli-help-new-path": "De nieuwe werkmap (.xlsx).",
        "cli-help-overwrite": (
            "Vervang een bestand dat al bestaat (het oude blijft ernaast bewaard als .bak)."
        ),
        "cli-help-convert": (
            "Zet werkmappen om naar JSON en JSON naar werkmappen; gaat door na een fout bestand."
        ),
        "cli-help-layout": "Indeling van nieuwe werkmappen: goal (per doel) of quarter (per kwartaal).",
        "cli-help-compare": (
            "Vergelijk de gezamenlijke acties in de plannen van de gemeenten in de regio: "
            "verschillen in trekker en kwartaal, en acties die in een plan ontbreken."
        ),
        "cli-help-compare-output": "Schrijf ook de werkmap Regio (.xlsx) met de verschillen gemarkeerd.",
        "compare-needs-two": "Vergelijken kan alleen met plannen van minstens twee gemeenten.",
        "compare-summary": (
            "Gezamenlijke acties van {plans}: {match} gelijk, {mismatch} met verschillen, "
            "{missing} ontbrekend"
        ),
        "cli-compare-written": "Werkmap Regio geschreven: {path}",
        "cli-help-agenda": (
            "De agenda van een partner: alles wat de politie, een gemeente of het ZV-WVV "
            "in de plannen trekt of waaraan zij meedoet, per kwartaal, in één blad."
        ),
        "cli-help-partner": "De partner, zoals Politie, Barneveld of ZV-WVV.",
        "cli-help-agenda-output": "Schrijf de agenda ook in een werkmap (.xlsx), één blad Agenda.",
        "agenda-title": "Agenda {partner} {years}: {count:plural:# actie|# acties} in de plannen van {plans}",
        "agenda-none": "{partner} trekt geen actie in deze plannen en doet nergens aan mee.",
        "agenda-unknown-partner": (
            "'{partner}' komt in geen van de plannen voor. Partners in deze plannen: {known}."
        ),
        "agenda-unknown-partner-suggestion": (
            "'{partner}' komt in geen van de plannen voor. Bedoelt u {suggestion}? "
            "Partners in deze plannen: {known}."
        ),
        "cli-agenda-written": "Werkmap met de agenda geschreven: {path}",
        "agenda-differs": "plannen verschillen",
        "agenda-bucket-heading": "{bucket}: {count:plural:# actie|# acties}",
        "region-same-plan-twice": (
            "{municipality} {year} staat als werkmap en als JSON in de invoer: uvp leest de "
            "werkmap {workbook} en laat {other} weg."
        ),
        "duplicate-plan": (
            "Het plan van {municipality} staat twee keer in de invoer ({first} en {second}): "
            "geef één bestand per gemeente."
        ),
        "agenda-role-lead": "trekker",
        "agenda-role-each": "iedere gemeente",
        "agenda-role-joint": "gezamenlijk",
        "agenda-role-participant": "doet mee",
        "agenda-bucket-1": "Q1 (januari – maart)",
        "agenda-bucket-2": "Q2 (april – juni)",
        "agenda-bucket-3": "Q3 (juli – september)",
        "agenda-bucket-4": "Q4 (oktober – december)",
        "agenda-bucket-ongoing": "Doorlopend",
        "agenda-bucket-none": "Zonder kwartaal",
        "compare-line-match": "gelijk    ",
        "compare-line-mismatch": "verschil  ",
        "compare-line-missing": "ontbreekt ",
        "usage-not-a-date": "'{text}' is geen datum: schrijf bijvoorbeeld 1-10-2024 of 2024-10-01.",
        "cli-failed": "{count} van de {total:plural:# bestand|# bestanden} {count:plural:is|zijn} mislukt:",
        "workbook-filled": (
            "{path}: kwartaalkolommen ingevuld bij {marked:plural:# actie|# acties}; "
            "{written:plural:# kwartaal|# kwartalen} uit de kolommen overgenomen."
        ),
        "evaluation-written": (
            "{path}: blad Evaluatie geschreven (peildatum {peildatum}): "
            "{actions:plural:# actie|# acties}, "
            "{done} gereed ({percent}%), {overdue} te laat."
        ),
        "cli-created": "{path}: nieuwe planningswerkmap gemaakt.",
        "cli-converted": "{source} → {target}",
        "cli-help-format": "Uitvoer als tekst (voor mensen) of json (voor programma's).",
        # De eigen woorden van de opdrachtregel: hulp en gebruiksfouten (uvp.cli._dutch)
        "cli-usage": "Gebruik:",
        "cli-usage-options": "[OPTIES]",
        "cli-usage-command": "OPDRACHT [ARGUMENTEN]...",
        "cli-usage-hint": "Zie '{command} --help' voor hulp.",
        "cli-arguments": "Argumenten",
        "cli-options": "Opties",
        "cli-commands": "Opdrachten",
        "cli-required": "[verplicht]",
        "cli-default": "[standaard: {value}]",
        "cli-help-help": "Toon deze hulp en stop.",
        "cli-help-version": "Toon de versie van uvp en stop.",
        "cli-version": "uvp {version}",
        "cli-error": "Fout: {message}",
        "cli-aborted": "Afgebroken.",
        "cli-metavar-plan": "PLAN",
        "cli-metavar-new-path": "WERKMAP",
        "cli-metavar-diff-old": "OUD",
        "cli-metavar-diff-new": "NIEUW",
        "cli-metavar-gemeente": "NAAM",
        "cli-metavar-new-gemeente": "NAAM",
        "cli-metavar-jaar": "JAAR",
        "cli-metavar-new-jaar": "JAAR",
        "cli-metavar-format": "text|json",
        "cli-metavar-output": "BESTAND|MAP",
        "cli-metavar-compare-output": "BESTAND",
        "cli-metavar-agenda-output": "BESTAND",
        "cli-metavar-report-output": "BESTAND",
        "cli-metavar-next-year-output": "BESTAND",
        "cli-metavar-peildatum": "DATUM",
        "cli-metavar-woordenlijst": "BESTAND",
        "cli-metavar-layout": "goal|quarter",
        "cli-metavar-partner": "PARTNER",
        "cli-metavar-host": "ADRES",
        "cli-metavar-port": "POORT",
        "cli-metavar-cert": "BESTAND",
        "cli-metavar-key": "BESTAND",
        "cli-metavar-public-url": "URL",
        "cli-metavar-allowed-host": "HOST",
        "cli-metavar-workers": "AANTAL",
        "cli-metavar-request-timeout": "SECONDEN",
        "cli-metavar-max-requests": "AANTAL",
        "usage-missing-argument": "Argument {name} ontbreekt.",
        "usage-missing-option": "Optie {name} ontbreekt.",
        "usage-no-option": "Onbekende optie {name}.",
        "usage-did-you-mean": "Onbekende optie {name}. Bedoelt u {names}?",
        "usage-needs-value": "Optie {name} heeft een waarde nodig.",
        "usage-no-value": "Optie {name} neemt geen waarde.",
        "usage-extra": "Te veel argumenten: {args}.",
        "usage-no-command": "Onbekende opdracht '{name}'.",
        "usage-missing-command": "Geef een opdracht.",
        "usage-bad-value": "Ongeldige waarde voor {name}: {reason}",
        "usage-not-integer": "dit is geen geheel getal.",
        "usage-not-number": "dit is geen getal.",
        "usage-too-small": "dit moet minstens {limit} zijn.",
        "usage-too-large": "dit mag hoogstens {limit} zijn.",
        "usage-choice": "'{value}' kan niet: kies uit {choices}.",
        "cli-help-serve": (
            "Start de server achter het lint UVP in Excel (Windows, macOS en Excel op het web): "
            "de knoppen Controleren, Kwartalen vullen, Evaluatie, Exporteren, "
            "Kwartaalrapportage en Vergelijken. Het manifest staat op /manifest.xml. "
            "Stop met Ctrl+C."
        ),
        "cli-help-host": (
            "Het adres waarop de server luistert; standaard alleen deze computer (127.0.0.1). "
            "Achter een reverse proxy op dezelfde server hoeft dat niet anders."
        ),
        "cli-help-port": "De poort waarop de server luistert.",
        "cli-help-cert": "Het certificaat (PEM) voor HTTPS; samen met --key.",
        "cli-help-key": "De sleutel (PEM) bij het certificaat voor HTTPS; samen met --cert.",
        "cli-help-public-url": (
            "Het https-adres waarop Excel de server bereikt, zoals https://uvp.gemeente.nl; "
            "dat komt in het manifest op /manifest.xml. Zonder dit: het adres van het verzoek, "
            "als dat deze computer is of met --allowed-host is opgegeven."
        ),
        "serve-cert-key": "Geef --cert en --key allebei op, of geen van beide.",
        "serve-missing-file": "{path} bestaat niet.",
        "serve-bad-url": (
            "'{url}' is geen https-adres zoals https://uvp.gemeente.nl (zonder ? of #)."
        ),
        "serve-needs-extra": (
            "Voor uvp serve zijn FastAPI en uvicorn nodig ({detail}): "
            'installeer ze met  python -m pip install "uvp[server]"'
        ),
        "serve-no-https": (
            "Let op: de server luistert op {host} zonder HTTPS. Excel laadt invoegtoepassingen "
            "alleen via https: zet er een reverse proxy met certificaat voor, of geef --cert en --key."
        ),
        "serve-start": ("uvp-server op {url} (manifest: {url}/manifest.xml). Stop met Ctrl+C."),
        # De server achter het lint: antwoorden aan de Excel-invoegtoepassing
        "server-unknown-script": ("Onbekende opdracht '{name}': de server kent alleen {known}."),
        "server-not-json-type": (
            "Het verzoek moet JSON zijn (Content-Type: application/json), zoals de "
            "UVP-knoppen in Excel het sturen."
        ),
        "server-not-json": "Het verzoek is geen leesbare JSON ({detail}).",
        "server-too-large": (
            "De werkmap is te groot om te versturen (meer dan {limit} MB). "
            "Verwijder bladen die niet bij het plan horen, of gebruik uvp op de computer."
        ),
        "server-bad-payload": (
            "Het verzoek is geen werkmap zoals de UVP-knoppen in Excel die sturen: {detail}"
        ),
        "server-no-args": (
            "De knop '{name}' neemt alleen de gemeente en het jaar van het plan als argument."
        ),
        "server-bad-region-args": (
            "De knop '{name}' neemt alleen de gemeente en het jaar van het plan en de gekozen "
            "plannen (plannen: naam en inhoud) als argument: {detail}"
        ),
        "server-bad-upload": "het bestand '{name}' is niet heel aangekomen (de inhoud is geen base64)",
        "column-priority-theme": "Prioriteit / thema",
        "column-actions": "Acties",
        "severity-error": "fout",
        "severity-warning": "waarschuwing",
        "severity-info": "info",
        "kind-joint": "gezamenlijke prioriteit",
        "kind-local": "lokale prioriteit",
        "plan-title": "Uitvoeringsplan Veiligheid {year} — {municipality}",
        "ongoing": "Doorlopend",
        "place-priority": "prioriteit {number}",
        "place-theme": "thema {number}",
        "place-action": "actie {number}",
        # The quarterly report for the driehoeksoverleg: uvp report (uvp.report)
        "report-title": "Kwartaalrapportage Uitvoeringsplan Veiligheid {year} — {municipality}",
        "report-peildatum": "Peildatum {date} (Q{quarter})",
        "report-next": "Volgend kwartaal: Q{quarter} {year}.",
        "report-next-outside": (
            "Het volgend kwartaal (Q{quarter} {next_year}) valt buiten het plan voor {year}: "
            "dit plan zet daar geen acties in."
        ),
        "report-next-in-next-plan": (
            "Het volgend kwartaal, Q{quarter} {next_year}, hoort bij het plan voor {next_year}; "
            "deze rapportage noemt wat het plan voor {year} nog in Q4, dit kwartaal, heeft."
        ),
        "report-overview": "Overzicht per prioriteit",
        "report-col-priority": "Prioriteit",
        "report-col-actions": "Acties",
        "report-col-cancelled": "Vervallen",
        "report-col-upcoming": "Volgend kwartaal",
        "report-col-current": "Dit kwartaal",
        "report-col-percent": "% gereed",
        "report-col-action": "Actie",
        "report-col-lead": "Trekker",
        "report-col-quarter": "Kwartaal",
        "report-col-theme": "Thema",
        "report-col-status": "Status",
        "report-segment-done": "Gereed",
        "report-segment-running": "Loopt",
        "report-segment-at-risk": "Aandacht",
        "report-segment-overdue": "Te laat",
        "report-segment-other": "Overig",
        "report-total": "Totaal",
        "report-list-done": "Gereed",
        "report-list-overdue": "Te laat",
        "report-list-upcoming": "Volgend kwartaal (Q{quarter})",
        "report-list-upcoming-none": "Volgend kwartaal (buiten het planjaar)",
        "report-list-current": "Dit kwartaal (Q{quarter}, het laatste van het plan)",
        "report-list-empty": "Geen.",
        "report-chart-title": "Voortgang per prioriteit op {date}",
        "report-chart-empty": "geen acties",
        "report-cancelled": "{count} vervallen (niet in de grafiek)",
        "report-actions-total": "{count:plural:# actie|# acties} in totaal",
        "report-legend-note": (
            "Loopt: loopt en nog op tijd; Te laat: het laatste kwartaal is voorbij en de actie "
            "is niet gereed; Overig: gepland, uitgesteld of zonder status; vervallen acties "
            "staan niet in de grafiek"
        ),
        "report-footer": "Gemaakt met uvp op basis van de status in het plan op {date}.",
        "report-write-failed": (
            "{source}: de rapportage kon niet worden opgeslagen ({detail}); een bestaand "
            "bestand is ongewijzigd."
        ),
        "cli-help-report": (
            "Maak de kwartaalrapportage voor het driehoeksoverleg: per prioriteit wat gereed "
            "is, wat te laat is en wat in het volgend kwartaal gepland staat. Met -o ook als "
            "webpagina (.html, om te printen) of werkmap met grafiek (.xlsx)."
        ),
        "cli-help-report-path": "Het plan (.xlsx of .json), met de kolom Status bijgewerkt.",
        "cli-help-report-output": (
            "Schrijf de rapportage ook naar een bestand: .html (één losse webpagina) of "
            ".xlsx (een nieuwe werkmap met grafiek)."
        ),
        "report-other-year": "Let op: de peildatum {date} valt niet in het planjaar {year}.",
        "report-priority-line": (
            "{label}: {actions:plural:# actie|# acties} — {done} gereed, {running} loopt, {overdue} te laat, "
            "{other} overig, {cancelled} vervallen ({percent}% gereed)"
        ),
        "cli-report-written": "Rapportage geschreven: {path}",
        # Plans over time: uvp diff and uvp next-year (uvp.history)
        "diff-other-municipality": (
            "Dit zijn plannen van twee gemeenten ({old} en {new}), geen twee versies van één "
            "plan: vergelijk versies van hetzelfde plan, of gebruik uvp compare voor de regio."
        ),
        "history-none": "geen",
        "history-carried": "Overgenomen uit UVP {year} (status: {status}).",
        "history-carried-no-status": "Overgenomen uit UVP {year} (zonder status).",
        "history-kind-added": "toegevoegd",
        "history-kind-removed": "verwijderd",
        "history-kind-moved": "ander kwartaal",
        "history-kind-lead": "andere trekker",
        "history-kind-status": "andere status",
        "history-kind-text": "tekst gewijzigd",
        "history-kind-note": "toelichting gewijzigd",
        "history-kind-moved-theme": "ander thema",
        "cli-help-diff": (
            "Toon wat er veranderd is tussen twee versies van hetzelfde plan: acties erbij, "
            "eraf, ander kwartaal, andere trekker, andere status. Exitcode 1 bij verschillen."
        ),
        "cli-help-diff-old": "De oude versie van het plan (.xlsx of .json).",
        "cli-help-diff-new": "De nieuwe versie van het plan (.xlsx of .json).",
        "history-diff-summary": (
            "{municipality}: {old} ({old_year}, {old_actions:plural:# actie|# acties}) → {new} "
            "({new_year}, "
            "{new_actions:plural:# actie|# acties}): {changes:plural:# wijziging|# wijzigingen} bij "
            "{actions:plural:# actie|# acties}"
        ),
        "history-diff-none": "Geen verschillen.",
        "history-diff-years": "Let op: de plannen zijn van verschillende jaren ({old_year} en {new_year}).",
        "history-diff-heading": "{label} ({count})",
        "cli-help-next-year": (
            "Maak het plan voor volgend jaar uit een geëvalueerd plan: doelen blijven, acties "
            "op Gereed of Vervallen vallen weg, de rest gaat mee zonder kwartaal."
        ),
        "cli-help-next-year-path": "Het geëvalueerde plan (.xlsx of .json).",
        "cli-help-next-year-output": (
            "Het nieuwe plan (.xlsx of .json); standaard naast het oude, met het nieuwe jaar "
            "in de naam."
        ),
        "history-next-year-written": "{source} → {target}: UVP {year} van {municipality}.",
        "history-next-year-summary": (
            "{kept:plural:# actie|# acties} overgenomen; weggelaten: {done} gereed, {cancelled} vervallen; "
            "{goals:plural:# doel|# doelen} behouden."
        ),
        "history-next-year-not-evaluated": (
            "Let op: geen enkele actie in {source} staat op Gereed of Vervallen, dus alle "
            "acties zijn overgenomen. Is het plan geëvalueerd (kolom Status)?"
        ),
        "history-next-year-todo": (
            "{count:plural:# actie|# acties} zonder kwartaal: plan ze in (uvp validate {target} toont waar)."
        ),
        "history-next-year-todo-workbook": (
            "{count:plural:# actie|# acties} zonder kwartaal: zet per actie een kruisje in "
            "Q1-Q4 (of vul Kwartaal in) en draai daarna uvp fill {target}."
        ),
        "history-next-year-ongoing": "{count:plural:# actie blijft|# acties blijven} Doorlopend.",
        "history-next-year-dated": (
            "{count:plural:# overgenomen actie noemt|# overgenomen acties noemen} nog {year}: "
            "controleer de data."
        ),
        "history-next-year-read-findings": "Bij het lezen van {source}:",
        "history-next-year-other-findings": "Verder vond uvp in het nieuwe plan:",
        # -- server hardening (issue 13)
        "addin-peildatum-not-one-cell": (
            "{source}: de naam Peildatum wijst naar {address} ({rows:plural:# rij|# rijen}, "
            "{columns:plural:# kolom|# kolommen}) in plaats van naar één cel. Laat de naam naar de cel met de datum "
            "wijzen (Formules › Namen beheren)."
        ),
        "addin-peildatum-no-cell": (
            "{source}: de naam Peildatum wijst niet naar een cel. Laat de naam naar de cel met "
            "de datum wijzen (Formules › Namen beheren)."
        ),
        "cli-help-workers": (
            "Het aantal werkprocessen; elk voert één knop tegelijk uit, dus N processen helpen "
            "N gebruikers tegelijk."
        ),
        "cli-help-allowed-host": (
            "Een hostnaam (met :poort als die meetelt) waarvan het manifest zijn adres mag nemen, "
            "zoals uvp.gemeente.nl; mag vaker. Ook via UVP_ALLOWED_HOSTS (gescheiden door "
            "komma's). Niet nodig met --public-url."
        ),
        "cli-help-request-timeout": (
            "Seconden waarin een verzoek (kop en inhoud) binnen moet zijn; daarna sluit de "
            "server de verbinding."
        ),
        "cli-help-max-requests": (
            "Verzoeken per werkproces die tegelijk in behandeling mogen zijn (binnenkomend, "
            "wachtend of lopend); daarboven antwoordt de server 'druk' (503)."
        ),
        "serve-bad-host": (
            "'{host}' is geen hostnaam zoals uvp.gemeente.nl of uvp.gemeente.nl:8443."
        ),
        "server-busy": (
            "De UVP-server is druk ({count:plural:# verzoek|# verzoeken} tegelijk). Probeer het over "
            "{seconds:plural:# seconde|# seconden} opnieuw."
        ),
        "server-busy-waited": (
            "De UVP-server is druk: uw verzoek wachtte {waited:plural:# seconde|# seconden} op zijn beurt. Probeer "
            "het over {seconds:plural:# seconde|# seconden} opnieuw."
        ),
        "server-too-deep": "Het verzoek is te diep genest om een werkmap te zijn.",
        "server-bad-address": "'{address}' is geen celadres zoals B3, A1:D20, A:C of 1:4",
        "server-active-sheet": (
            "het actieve blad ({index}) bestaat niet: de werkmap heeft {count:plural:# blad|# bladen}"
        ),
        "server-name-sheet": (
            "de naam '{name}' hoort bij blad {index}, maar de werkmap heeft {count:plural:# blad|# bladen}"
        ),
        "server-ragged-rows": "de rijen van blad '{sheet}' zijn niet even lang",
        "server-problem-missing": "ontbreekt",
        "server-problem-type": "heeft het verkeerde soort waarde",
        "server-problem-too-long": "is te lang",
        "server-problem-too-short": "is te kort of leeg",
        "server-problem-range": "valt buiten het toegestane bereik",
        "server-problem-choice": "heeft een waarde die de server niet kent",
        "server-problem-other": "is ongeldig",
        "server-not-found": "Deze pagina bestaat niet op de UVP-server.",
        "server-method-not-allowed": "De UVP-server staat {method} hier niet toe (wel: {allowed}).",
        "server-http-error": "De UVP-server kan dit verzoek niet afhandelen (HTTP-status {status}).",
        "server-internal-error": (
            "Interne fout in de UVP-server ({kind}). De beheerder vindt de oorzaak in het "
            "logboek van de server."
        ),
        "server-bad-request": "Dit is geen geldig HTTP-verzoek; de verbinding is gesloten.",
        "server-request-timeout": (
            "Het verzoek was niet binnen {seconds:plural:# seconde|# seconden} volledig binnen; de verbinding is "
            "gesloten. Probeer het opnieuw."
        ),
        "server-too-many-connections": (
            "De UVP-server heeft te veel open verbindingen. Probeer het over enkele seconden "
            "opnieuw."
        ),
        "server-unknown-host": (
            "Deze UVP-server kent het adres '{host}' niet en zet het dus niet in het manifest. "
            "De beheerder geeft het adres op met --public-url of --allowed-host."
        ),
        # -- end of server hardening (issue 13)
        # -- vocabulary (issue 11): reading timing, leads and status in staff's own words
        "disagreeing-schedule": (
            "'{text}' is geen kwartaalplanning: {outer} en {inner} (tussen haakjes) zeggen "
            "iets anders."
        ),
        "mixed-years": (
            "'{text}' is geen kwartaalplanning: er staan kwartalen in verschillende jaren in "
            "({years}); zet elk jaar op een eigen regel."
        ),
        "reversed-years": (
            "'{text}' is geen kwartaalplanning: de periode loopt achteruit (bedoelt u "
            "{first}-{last}?)."
        ),
        "ambiguous-winter": (
            "'{text}' is geen kwartaalplanning: de winter kan Q1 of Q4 zijn. Vul het kwartaal in."
        ),
        "biennial-schedule": (
            "'{text}' is geen kwartaalplanning: eens per twee jaar zegt niet of het dit jaar "
            "is. Vul het kwartaal in, of n.v.t."
        ),
        "several-organisations": (
            "'{text}' noemt {count} organisaties ({leads}): zet één trekker per regel."
        ),
        # The Status drop-down: uvp.STATUS_LABELS
        "status-planned": "Gepland",
        "status-running": "Loopt",
        "status-at-risk": "Aandacht",
        "status-done": "Gereed",
        "status-postponed": "Uitgesteld",
        "status-cancelled": "Vervallen",
        # -- end of vocabulary (issue 11)
        # -- workbook layout (issue 11) and reading without loss (issue 13)
        "field-quarter": "kwartaal",
        "field-lead": "trekker",
        "field-status": "status",
        "vocabulary-no-term": "bij betekenis '{meaning}' staat geen term.",
        "vocabulary-kind": "'{kind}' is geen soort: schrijf Kwartaal, Trekker of Status.",
        "vocabulary-no-meaning": "bij '{term}' staat geen betekenis.",
        "vocabulary-status": "'{text}' is geen status die uvp kent.",
        "vocabulary-duplicate": (
            "'{term}' staat al in de lijst (rij {row}) met een andere betekenis; deze rij geldt."
        ),
        "vocabulary-sheet-title": "Woordenlijst: uw eigen woorden",
        "vocabulary-sheet-explanation": (
            "Gebruikt dit plan woorden die uvp niet kent? Zet ze hier: wat u schrijft "
            "(Term), voor welke kolom (Soort: Kwartaal, Trekker of Status) en wat het "
            "betekent in een schrijfwijze die uvp leest (Betekenis). Deze woorden gaan "
            "vóór die van uvp zelf."
        ),
        "matrix-kept-no-column": "de tabel heeft geen kolom Kwartaal",
        "matrix-kept-filled": "Kwartaal is al ingevuld ('{text}')",
        "vocabulary-sheet-example": (
            "Bijvoorbeeld: Sinterklaas | Kwartaal | Q4 — Wijkteam | Trekker | Gemeente "
            "(wijkteam) — blauw | Status | Gereed."
        ),
        "merged-header": (
            "dan alleen de kop van de eerste kolom: de andere kolommen hebben geen kop, dus "
            "de tabel eronder wordt niet gelezen"
        ),
        "merged-block": "alleen de waarde linksboven, dus de tabel erin is niet te lezen",
        "workbook-sheet-rows": (
            "{source}: blad '{sheet_name}' heeft waarden in meer dan {limit:plural:# rij|# rijen} (tot rij "
            "{rows}); uvp pakt dit bestand niet uit. Staat er een waarde ver onder de tabel?"
        ),
        "workbook-sheet-cells": (
            "{source}: de waarden van blad '{sheet_name}' beslaan {rows:plural:# rij|# rijen} bij "
            "{columns:plural:# kolom|# kolommen} (hoogstens {limit:plural:# cel|# cellen}); uvp pakt dit bestand niet uit. Staat er een "
            "waarde ver naast of onder de tabel?"
        ),
        "workbook-no-vocabulary": (
            "{source}: geen Woordenlijst gevonden (een blad met de kopregel Term | Soort | "
            "Betekenis)."
        ),
        "cli-help-woordenlijst": (
            "Een werkmap met eigen woorden (een Woordenlijst: Term | Soort | Betekenis), "
            "gedeeld in de regio; de Woordenlijst van een werkmap vult die aan."
        ),
        # -- end of workbook layout (issue 11) and reading without loss (issue 13)
    },
}
