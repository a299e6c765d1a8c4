"""khabar's HTTP API (FastAPI; install the ``api`` extra)."""

from khabar.interfaces.api.app import app_from_env, create_app
from khabar.interfaces.api.deps import ApiSettings

__all__ = ["ApiSettings", "app_from_env", "create_app"]
