"""Taking material in: folder imports (PM and AM), family reports, photo analysis."""
