"""The report's words in English and Arabic (a report is produced in the user's language;
names, numbers and hashes are shown as recorded)."""

from __future__ import annotations

from typing import Any

from athar.casework.domain.errors import InvalidRequest

LANGUAGES = ("en", "ar")

ARABIC: dict[str, str] = {
    "Athar — identification report {id}": "أثر — تقرير التعرّف {id}",
    "page {n}": "الصفحة {n}",
    "Generated {at} by {who}. Audit log: {events} events, head {head}":
        "أُنشئ في {at} بواسطة {who}. سجل التدقيق: {events} حدثاً، رأس السلسلة {head}",
    "REVOKED on {at} by {who}: {reason}": "ملغى في {at} بواسطة {who}: {reason}",
    "Identification {id}": "التعرّف {id}", "Missing person": "المفقود",
    "is Body": "هو الجثمان",
    "State": "الحالة", "Collection": "المجموعة",
    "proposed": "مقترح", "confirmed": "مؤكد", "returned": "مُعاد", "revoked": "ملغى",
    "Missing person (family's report)": "المفقود (بلاغ العائلة)",
    "Body (post-mortem record)": "الجثمان (سجل ما بعد الوفاة)",
    "Label": "التسمية",
    "Name (Latin script)": "الاسم (بالحروف اللاتينية)",
    "Name (Arabic script)": "الاسم (بالحروف العربية)", "Sex": "الجنس", "Born": "الولادة",
    "Place of origin": "مكان الأصل", "Date of arrest": "تاريخ الاعتقال",
    "Place of arrest": "مكان الاعتقال", "Arresting branch": "الفرع المعتقِل",
    "Description": "الوصف", "Marks known to the family": "علامات تعرفها العائلة",
    "Detainee number": "رقم المعتقل", "Branch number": "رقم الفرع",
    "Forensic report number": "رقم التقرير الطبي الشرعي", "Photo date": "تاريخ التصوير",
    "Photographs": "الصور",
    "Warning: this report includes full post-mortem photographs.":
        "تنبيه: يتضمن هذا التقرير صوراً كاملة لما بعد الوفاة.",
    "Family photo (ante-mortem)": "صورة العائلة (قبل الوفاة)",
    "Post-mortem face (crop)": "وجه ما بعد الوفاة (مقتطع)",
    "Post-mortem photo {id} (full)": "صورة ما بعد الوفاة {id} (كاملة)",
    "family photo {id}": "صورة العائلة {id}", "post-mortem photo {id}": "صورة ما بعد الوفاة {id}",
    "Face comparison (evidence frozen at the proposal)": "مقارنة الوجه (أدلة مثبّتة عند الاقتراح)",
    "Model": "النموذج", "Index version": "نسخة الفهرس", "Search run / rank": "البحث / الترتيب",
    "Candidate score": "درجة المرشح",
    "{score} (best pair {best}, mean faces {means})":
        "{score}؛ أفضل زوج {best}؛ متوسط الوجوه {means}",
    "family photo": "صورة العائلة", "its SHA-256 (start)": "بداية بصمتها",
    "PM photo": "صورة ما بعد الوفاة", "score": "الدرجة",
    "Reviews ({n})": "المراجعات ({n})",
    "Blind review: withheld from this reviewer when deciding: {items}":
        "مراجعة عمياء: حُجب عن هذا المراجع عند قراره: {items}",
    "{n} other review(s)": "{n} مراجعة أخرى", "scores": "الدرجات", "rank": "الترتيب",
    "decision": "القرار",
    "excluded": "استبعاد", "possible": "محتمل", "needs_info": "يحتاج معلومات",
    "propose": "اقتراح تعرّف",
    "Sign-off (four eyes)": "الاعتماد (العيون الأربع)", "Proposed by": "اقترحه",
    "Confirmed by": "أكّده", "Reason": "السبب", "Revoked by": "ألغاه",
    "Reason for revocation": "سبب الإلغاء", "step": "الخطوة", "by": "بواسطة", "when": "متى",
    "reason": "السبب",
    "Audit trail of this case (excerpt)": "أثر التدقيق لهذه الحالة (مقتطف)",
    "The audit log held {events} events when this report was made; the SHA-256 of the "
    "newest (the chain head) is {head}. `athar verify` checks the whole chain; a signed "
    "checkpoint proves it later.":
        "ضمّ سجل التدقيق {events} حدثاً عند إعداد هذا التقرير؛ بصمة SHA-256 لأحدثها (رأس "
        "السلسلة) هي {head}. يتحقق الأمر `athar verify` من السلسلة كلها، وتثبتها نقطة تحقق "
        "موقّعة لاحقاً.",
    "#": "#", "when (UTC)": "متى (UTC)", "who": "من", "action": "الإجراء", "about": "يخص",
    "Evidence files (SHA-256 of the originals)": "ملفات الأدلة (بصمة SHA-256 للأصول)",
    "file": "الملف", "SHA-256": "SHA-256",
    "Submitter (included on request, by a user granted the contact)":
        "مقدّم البلاغ (مضمّن بطلب مستخدم مخوّل برؤية وسيلة الاتصال)",
    "Submitted by": "قدّمه", "Contact": "وسيلة الاتصال",
    "SCORE_MEANING":
        "الدرجة هي تشابه جيب التمام بين واصفَي وجهين صنعهما النموذج المذكور أعلاه: 1 تعني "
        "واصفين متطابقين، والأعلى يعني أكثر شبهاً في نظر ذلك النموذج. إنها ترتّب المرشحين "
        "ليراجعهم أشخاص؛ وليست احتمال أن تُظهر الصورتان الشخص نفسه، ولم تكن هي ما حدّد هوية "
        "هذا الشخص: بل المراجعات والاعتماد أدناه.",
    "REVOKED": "ملغى",
}

ENGLISH_SCORE_MEANING = (
    "A score is the cosine similarity of two face descriptors made by the model named "
    "above: 1 means identical descriptors, and higher means more alike to that model. It "
    "ranks candidates for people to review; it is not a probability that the two photos "
    "show the same person, and it was not what identified this person: the reviews and "
    "the sign-off below were.")


class Words:
    """`words("State")` or `words("page {n}", n=2)` in the report's language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise InvalidRequest(f"a report is made in {' or '.join(LANGUAGES)}, not "
                                 f"{language!r}")
        self.language = language

    @property
    def rtl(self) -> bool:
        """Whether the report reads right to left."""
        return self.language == "ar"

    def __call__(self, key: str, **fields: Any) -> str:
        if key == "SCORE_MEANING" and self.language == "en":
            return ENGLISH_SCORE_MEANING
        text = ARABIC.get(key, key) if self.language == "ar" else key
        return text.format(**fields) if fields else text
