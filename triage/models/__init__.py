from .counts import DemandCount
from .pages import FindSupportPage

__all__ = ["DemandCount", "FindSupportPage"]
