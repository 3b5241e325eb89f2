"""Read settings from environment variables, failing with one clear line when a value is wrong."""

import os

import dj_database_url


class ImproperSetting(SystemExit):
    """Stops start-up with a single line naming the variable, instead of a traceback."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"Configuration error: {name} {problem}")


def text(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperSetting(name, "must be set (see README: Environment variables).")
    return default or ""


def flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperSetting(name, f"must be true or false, not {raw!r}.")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperSetting(name, f"must be a whole number, not {raw!r}.") from None


def listing(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database(name: str, default: str) -> dict:
    raw = os.environ.get(name, "").strip() or default
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several types for bad URLs
        raise ImproperSetting(name, f"is not a usable database URL ({error}).") from None
    if not config.get("ENGINE"):
        raise ImproperSetting(name, f"uses an unsupported database scheme: {raw.split(':')[0]!r}.")
    return config


def url(name: str) -> str:
    value = text(name)
    if value and "://" not in value:
        raise ImproperSetting(name, f"must be a URL such as scheme://host:port, not {value!r}.")
    return value


def select_settings(default: str) -> None:
    """Point DJANGO_SETTINGS_MODULE at the settings named by DJANGO_ENV (dev, test, production)."""
    environment = os.environ.get("DJANGO_ENV", "").strip().lower() or default
    if environment not in {"dev", "test", "production"}:
        raise ImproperSetting(
            "DJANGO_ENV", f"must be dev, test or production, not {environment!r}."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"portal.settings.{environment}")
