"""Tagging a plan's sections with the canonical reform area (lĩnh vực)."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_desktop.domain.areas import OTHER, area
from kehoach_desktop.domain.drafts import ImportWarning, SectionDraft
from kehoach_desktop.importers.areas_tagging import classify_area


@dataclass
class SectionPlace:
    draft: SectionDraft
    parent: SectionDraft | None  # the part ("B") a sub-section ("I") belongs to
    where: str  # the row of its title, for warnings


def tag_areas(places: list[SectionPlace], warnings: list[ImportWarning]) -> None:
    """Each section gets an area by the words of its title; a sub-section's title is
    read knowing its part's area. One that cannot be placed goes to "Khác", said."""
    for place in places:
        parent_area = place.parent.area_code if place.parent else None
        code, recognised = classify_area(place.draft.title, parent_area=parent_area)
        place.draft.area_code = code
        if code == OTHER and not recognised and place.draft.title:
            name = f"{place.draft.ordinal}. {place.draft.title}" if place.draft.ordinal else place.draft.title
            warnings.append(ImportWarning(
                f"Mục «{name}» chưa xếp được vào lĩnh vực nào: đã xếp vào «{area(OTHER).name}». "
                "Có thể chọn lại lĩnh vực cho mục này sau khi nhập.", place.where))  # fmt: skip

