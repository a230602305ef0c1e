"""The pure domain: grades, rubrics and the overall-grade rule. No UI, no storage."""
