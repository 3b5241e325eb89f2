#!/usr/bin/env python
"""Django's command-line utility for administrative tasks (DJANGO_ENV picks the settings)."""

import sys

from portal.env import select_settings


def main():
    select_settings(default="dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
