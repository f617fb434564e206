"""``python -m docparse`` runs the command line."""

from docparse.cli import main

main()
