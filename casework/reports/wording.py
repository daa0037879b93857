"""The report's words in English and Arabic (a report is produced in the user's language;
names, numbers and hashes are shown as recorded)."""

from __future__ import annotations

from typing import Any

from athar.casework.domain.errors import InvalidRequest

LANGUAGES = ("en", "ar")

MARK_WORDS_AR: dict[str, str] = {
    "tattoo": "وشم", "scar": "ندبة", "mole or birthmark": "شامة أو وحمة",
    "deformity or amputation": "تشوّه أو بتر", "dental feature": "علامة سنية",
    "other mark": "علامة أخرى",
    "head": "الرأس", "face": "الوجه", "neck": "الرقبة", "chest": "الصدر",
    "abdomen": "البطن", "back": "الظهر",
    "left upper arm": "العضد الأيسر", "right upper arm": "العضد الأيمن",
    "left forearm": "الساعد الأيسر", "right forearm": "الساعد الأيمن",
    "left hand": "اليد اليسرى", "right hand": "اليد اليمنى",
    "left thigh": "الفخذ الأيسر", "right thigh": "الفخذ الأيمن",
    "left lower leg": "الساق اليسرى", "right lower leg": "الساق اليمنى",
    "left foot": "القدم اليسرى", "right foot": "القدم اليمنى",
    "upper arm (side not known)": "العضد (الجهة غير معروفة)",
    "forearm (side not known)": "الساعد (الجهة غير معروفة)",
    "hand (side not known)": "اليد (الجهة غير معروفة)",
    "thigh (side not known)": "الفخذ (الجهة غير معروفة)",
    "lower leg (side not known)": "الساق (الجهة غير معروفة)",
    "foot (side not known)": "القدم (الجهة غير معروفة)",
}
"""The marks' categories and locations (their English names, domain.marks) in Arabic."""

RECORD_WORDS_AR: dict[str, str] = {
    "What the two records say about each other": "ما يقوله السجلان أحدهما عن الآخر",
    "RECORDS_MEANING":
        "تقارن كل قاعدة ما قالته العائلة بسجل الجثمان وتقديرات الخبير. القاعدة غير المتسقة "
        "علامة تستحق النظر، لا سبباً للاستبعاد وحدها: فالسجلات قد تخطئ. و«غير معروف» يعني "
        "أن أحد الجانبين غير مسجل أو أن التواريخ مذكورة بتقريب لا يسمح بالحكم.",
    "rule": "القاعدة", "outcome": "النتيجة",
    "sex": "الجنس", "age": "العمر", "dates": "التواريخ", "branch": "الفرع",
    "consistent": "متسق", "inconsistent": "غير متسق", "unknown": "غير معروف",
    "male": "ذكر", "female": "أنثى", "Body": "الجثمان", "missing person": "المفقود",
    "photo": "الصورة", "certified death": "الوفاة الموثقة",
    "date of arrest": "تاريخ الاعتقال",
    "age estimate for the Body": "تقدير لعمر الجثمان",
    "birth date or year for the missing person": "تاريخ أو سنة ولادة للمفقود",
    "date of the photo or of death for the Body": "تاريخ للصورة أو للوفاة للجثمان",
    "both records say {sex}": "السجلان كلاهما: {sex}",
    "the family reports {family}; the examiner estimated {body}":
        "تقول العائلة: {family}؛ وقدّر الخبير: {body}",
    "the sex is not recorded for the {missing}": "الجنس غير مسجل لـ{missing}",
    "aged {low}-{high} at the {what} ({when}), within the estimated {est_min}-{est_max}":
        "العمر {low}-{high} عند {what} ({when})، ضمن التقدير {est_min}-{est_max}",
    "aged {low}-{high} at the {what} ({when}), outside the estimated {est_min}-{est_max} "
    "(±{margin} years)":
        "العمر {low}-{high} عند {what} ({when})، خارج التقدير {est_min}-{est_max} "
        "(±{margin} سنوات)",
    "no {missing} recorded": "لا يوجد {missing} مسجل",
    "the {what} ({when}) comes after the arrest ({arrest})":
        "{what} ({when}) بعد الاعتقال ({arrest})",
    "the {what} ({when}) comes before the arrest the family reports ({arrest})":
        "{what} ({when}) قبل الاعتقال الذي تذكره العائلة ({arrest})",
    "the photo ({photo}) comes before the certified death ({death})":
        "الصورة ({photo}) قبل الوفاة الموثقة ({death})",
    "the {what} ({when}) and the arrest ({arrest}) are given too roughly to tell":
        "{what} ({when}) والاعتقال ({arrest}) مذكوران بتقريب لا يسمح بالحكم",
    "branch {number} on both records": "الفرع {number} في السجلين كليهما",
    "branch {body} on the Body, {family} named by the family (a detainee may have been "
    "moved between branches)":
        "الفرع {body} على الجثمان، و{family} بحسب العائلة (قد يُنقل المعتقل بين الفروع)",
    "the family names the branch without a number ({family})":
        "تذكر العائلة الفرع دون رقم ({family})",
    "no branch recorded for the {missing}": "لا فرع مسجلاً لـ{missing}",
}
"""The record checks' words and reasons (casework.checks.consistency.REASONS) in Arabic."""

EVIDENCE_WORDS_AR: dict[str, str] = {
    "Strength of evidence": "قوة الدليل",
    "No calibration is stored for model {model}: its score is not expressed as a "
    "likelihood ratio.":
        "لا معايرة محفوظة للنموذج {model}: فلا تُعبَّر درجته بنسبة أرجحية.",
    "The score was frozen before the search's current rank rule (the best pair with the "
    "pooled faces); the calibration of model {model} reads that rule's scores, so this "
    "score is not expressed as a likelihood ratio.":
        "ثُبّتت الدرجة قبل قاعدة الترتيب الحالية للبحث (أفضل زوج مع الوجوه المجمّعة)؛ "
        "ومعايرة النموذج {model} تقرأ درجات تلك القاعدة، فلا تُعبَّر هذه الدرجة بنسبة أرجحية.",
    "Face: likelihood ratio": "الوجه: نسبة الأرجحية",
    "All evidence": "الأدلة كلها",
    "The records and the marks hold nothing to weigh yet: all the evidence is the face's.":
        "لا تحمل السجلات والعلامات بعدُ ما يوزن: الأدلة كلها دليل الوجه.",
    "Calibration": "المعايرة",
    "{fitted_on}; fitted {date} on {same} same-person and {different} different-person "
    "pairs; on held-out pairs Cllr {cllr}, ECE {ece}":
        "{fitted_on}؛ مُلائمة في {date} على {same} زوجاً للشخص نفسه و{different} زوجاً "
        "لشخصين مختلفين؛ وعلى أزواج محجوزة: Cllr {cllr}، ECE {ece}",
    "{lr} (log10 {log:+.2f}): {verbal} for the proposition {side}":
        "{lr} (log10 {log:+.2f}): {verbal} لفرضية {side}",
    "that the two are the same person": "أن الاثنين شخص واحد",
    "that the two are different people": "أن الاثنين شخصان مختلفان",
    "no support either way": "لا دعم لأي من الفرضيتين", "weak support": "دعم ضعيف",
    "moderate support": "دعم متوسط", "moderately strong support": "دعم قوي نسبياً",
    "strong support": "دعم قوي", "very strong support": "دعم قوي جداً",
    "evidence": "الدليل", "log10 of its likelihood ratio": "log10 لنسبة أرجحيته",
    "face score": "درجة الوجه", "records: {rule}": "السجلات: {rule}",
    "marks: {agreement}": "العلامات: {agreement}",
    "{rule}: error {error:.0%}, chance {chance:.0%}":
        "{rule}: خطأ {error:.0%}، توافق بالمصادفة {chance:.0%}",
    "STRENGTH_MEANING":
        "نسبة الأرجحية تقول كم مرة تكون درجة الوجه هذه أرجح إذا كانت صورة العائلة وصورة ما "
        "بعد الوفاة لشخص واحد منها إذا كانتا لشخصين مختلفين. ليست احتمال أنهما شخص واحد: "
        "ذلك يتوقف أيضاً على عدد المفقودين والجثامين وعلى بقية الأدلة. السلّم اللفظي سلّم "
        "ENFSI (2015): أقل من 10 ضعيف، 10-100 متوسط، 100-1000 قوي نسبياً، 1000-10000 قوي، "
        "وما فوقها قوي جداً؛ ولا تتجاوز نسبةٌ ما تسنده مجموعة المعايرة: لا أقوى من واحد "
        "إلى عدد أزواجها من النوع الآخر.",
    "FUSION_MEANING":
        "الدرجة المدمجة تضرب نسبة أرجحية الوجه في نسبة لكل قاعدة من قواعد السجلات ولكل "
        "علامة، كأنها مستقلة. قاعدة متسقة تزن (1 - الخطأ) / التوافق بالمصادفة، وغير "
        "المتسقة الخطأ / (1 - التوافق بالمصادفة)، و«غير معروف» لا تزن شيئاً؛ وهذه افتراضات "
        "معلنة لا قيم مُلائمة: {rates}. أوزان العلامات (log10): {marks}. هي لترتيب "
        "المرشحين والتنبيه إليهم، والهوية حددتها المراجعات والاعتماد.",
}
"""The strength-of-evidence section's words (casework.reports.strength_section) in
Arabic."""

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
    "Father's name": "اسم الأب", "Mother's name": "اسم الأم",
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
    "{score} (best pair {best}, pooled faces {pooled}, mean faces {means})":
        "{score}؛ أفضل زوج {best}؛ الوجوه المجمّعة {pooled}؛ متوسط الوجوه {means}",
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
    "Distinctive marks": "العلامات المميزة",
    "MARKS_MEANING":
        "تُعرض أدناه روابط الخبراء بين علامات المفقود وعلامات الجثمان كما سُجّلت عند إعداد "
        "هذا التقرير. «متوافقة» تعني علامة من النوع نفسه في المكان نفسه على الجثمان؛ وعلامة "
        "من نوع آخر في المكان نفسه ليست تناقضاً بحد ذاتها؛ وغياب علامة مسجلة لا يثبت شيئاً، "
        "فقد لا تُظهر الصور ذلك الجزء. وحده حكم الخبير «غير مطابقة» تناقض.",
    "{category}, {location}": "{category}، {location}",
    "The family's words: «{words}»": "كلمات العائلة: «{words}»",
    "photo {id}": "الصورة {id}",
    "Family's mark {id}: {what}": "علامة العائلة {id}: {what}",
    "Body's mark {id}: {what}": "علامة الجثمان {id}: {what}",
    "Examiner's link: {relation}, by {who} on {at}: {note}":
        "ربط الخبير: {relation}، بواسطة {who} في {at}: {note}",
    "the person's mark": "علامة المفقود", "on this Body": "على هذا الجثمان",
    "corresponding": "مطابقة", "similar": "مشابهة", "not_corresponding": "غير مطابقة",
    "compatible": "متوافقة (النوع والمكان نفسهما)",
    "other_at_location": "علامة من نوع آخر في المكان نفسه",
    "none_recorded": "لا علامة مسجلة هناك",
    **MARK_WORDS_AR,
    **RECORD_WORDS_AR,
    **EVIDENCE_WORDS_AR,
}

ENGLISH_MARKS_MEANING = (
    "Below are the examiners' links between the missing person's marks and the Body's, as "
    "recorded when this report was made. \"compatible\" means a mark of the same kind at "
    "the same place on the Body; a mark of another kind at that place is not by itself a "
    "contradiction; no mark recorded there proves nothing, as the photos may not show that "
    "part. Only an examiner's \"not corresponding\" is a contradiction.")
ENGLISH = {"MARKS_MEANING": ENGLISH_MARKS_MEANING,
           "RECORDS_MEANING": (
               "Each rule compares what the family told with the Body's record and the "
               "examiner's estimates. An inconsistent rule is a flag to look at, never a "
               "reason by itself to exclude: records can be wrong. \"unknown\" means one "
               "side is not recorded or the dates are given too roughly to tell."),
           "compatible": "compatible (same kind, same place)",
           "other_at_location": "another kind of mark at that place",
           "none_recorded": "no mark recorded there",
           "not_corresponding": "not corresponding",
           "STRENGTH_MEANING": (
               "A likelihood ratio says how many times more probable this face score is if "
               "the family photo and the post-mortem photo show one person than if they "
               "show two different people. It is not the probability that they are the "
               "same person: that also depends on how many people are missing and how "
               "many Bodies there are, and on the rest of the evidence. The verbal scale is "
               "ENFSI's (2015): below 10 weak, 10-100 moderate, 100-1,000 moderately "
               "strong, 1,000-10,000 strong, above that very strong support. No ratio goes "
               "beyond what the calibration set supports: none stronger than one in its "
               "number of pairs of the other kind."),
           "FUSION_MEANING": (
               "The fused score multiplies the face's likelihood ratio by one ratio per "
               "record rule and per mark, as if independent. A consistent rule weighs "
               "(1 - error) / chance, an inconsistent one error / (1 - chance), an "
               "unknown one nothing; these are stated assumptions, not fitted values: "
               "{rates}. Marks (log10): {marks}. It orders and flags candidates; the "
               "identification was made by the reviews and the sign-off."),
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
        text = ARABIC.get(key, key) if self.language == "ar" else ENGLISH.get(key, key)
        return text.format(**fields) if fields else text
