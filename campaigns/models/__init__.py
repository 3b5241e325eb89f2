from .counts import CampaignCompletion, ShortLinkVisit
from .links import ShortLink
from .pages import CampaignPage

__all__ = ["CampaignCompletion", "CampaignPage", "ShortLink", "ShortLinkVisit"]
