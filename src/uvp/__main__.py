"""``python -m uvp``: the same as the ``uvp`` command."""

from uvp.cli import main

# Guarded: `uvp serve --workers N` starts its workers with multiprocessing's spawn,
# which imports this module again in each of them.
if __name__ == "__main__":
    main()
