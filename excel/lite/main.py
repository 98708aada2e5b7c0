"""uvp in xlwings Lite: the UVP buttons as scripts in the xlwings Lite task pane.

Paste this file into the main.py editor of xlwings Lite, and requirements.txt
(beside it) into its requirements editor. Each script below then shows as a
button in the task pane; they run the same code as the uvp command line and
the UVP ribbon (uvp.addin), in Excel itself, with nothing installed on the PC.
(The ribbon's Vergelijken is not here: it needs the other municipalities' plan
files, which a Lite script cannot be given.)
"""

import xlwings as xw
from xlwings import script

from uvp import addin


@script
def controleren(book: xw.Book) -> None:
    """Controleer het plan; de bevindingen komen in het blad Controle."""
    addin.validate(book)


@script
def kwartalen_vullen(book: xw.Book) -> None:
    """Vul de kwartaalkolommen Q1-Q4 en voeg een kolom Status toe."""
    addin.fill_quarters(book)


@script
def evaluatie(book: xw.Book) -> None:
    """Schrijf het blad Evaluatie voor de raad (peildatum: cel Peildatum of vandaag)."""
    addin.write_evaluation(book)


@script
def exporteren(book: xw.Book) -> None:
    """Zet het plan als JSON op het blad JSON."""
    addin.export_json(book)


@script
def kwartaalrapportage(book: xw.Book) -> None:
    """Schrijf het blad Kwartaalrapportage voor de driehoek (peildatum: cel Peildatum of vandaag)."""
    addin.quarterly_report(book)
