from .guide import GuidePage, GuidePageTag
from .indexes import GuideIndexPage, TrainingIndexPage
from .training import Format, Level, TrainingModulePage, TrainingModulePageTag, TrainingSession

__all__ = [
    "Format",
    "GuideIndexPage",
    "GuidePage",
    "GuidePageTag",
    "Level",
    "TrainingIndexPage",
    "TrainingModulePage",
    "TrainingModulePageTag",
    "TrainingSession",
]
