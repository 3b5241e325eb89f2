from .facets import PageFacet
from .footer import FooterText
from .organisations import PartnerOrganisation
from .settings import PortalSettings
from .taxonomy import (
    Area,
    AudienceSector,
    OrganisationType,
    Stage,
    SupportNeed,
    Term,
)

__all__ = [
    "Area",
    "AudienceSector",
    "FooterText",
    "OrganisationType",
    "PageFacet",
    "PartnerOrganisation",
    "PortalSettings",
    "Stage",
    "SupportNeed",
    "Term",
]
