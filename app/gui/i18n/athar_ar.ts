<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../pages/audit.py" line="37"/>
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="37"/>
        <source>Time (UTC)</source>
        <translation>الوقت (UTC)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="37"/>
        <location filename="../pages/audit.py" line="65"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="37"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="38"/>
        <source>Object</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="42"/>
        <source>Load older events</source>
        <translation>تحميل أحداث أقدم</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="45"/>
        <source>Audit</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="47"/>
        <source>Every action is recorded in a hash chain; `athar verify` checks that none was altered.</source>
        <translation>يُسجَّل كل إجراء في سلسلة مترابطة بالتجزئة؛ ويتحقق الأمر `athar verify` من أن شيئاً منها لم يُعدَّل.</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="68"/>
        <source>Action (or its start, e.g. identification.)</source>
        <translation>الإجراء (أو بدايته، مثل identification.)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="71"/>
        <source>Object (e.g. body 12)</source>
        <translation>الكائن (مثل body 12)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="74"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>من (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="77"/>
        <source>Before (YYYY-MM-DD)</source>
        <translation>قبل (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="78"/>
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="81"/>
        <source>Verify the chain now</source>
        <translation>تحقّق من السلسلة الآن</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="101"/>
        <source>Verifying…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="107"/>
        <source>Verified: %1 events, %2 evidence files and %3 indexed vectors, no problem.</source>
        <translation>تم التحقق: %1 حدثاً و%2 ملف دليل و%3 متجهاً مفهرساً، دون أي مشكلة.</translation>
    </message>
    <message>
        <location filename="../pages/audit.py" line="114"/>
        <source>Verification FAILED: %1</source>
        <translation>فشل التحقق: %1</translation>
    </message>
</context>
<context>
    <name>BodyGridModel</name>
    <message>
        <location filename="../itemmodels/bodies.py" line="73"/>
        <source>%1: %2 photos, %3 faces</source>
        <translation>%1: %2 صور، %3 وجوه</translation>
    </message>
</context>
<context>
    <name>BodyView</name>
    <message>
        <location filename="../pages/body.py" line="58"/>
        <source>Back to the Bodies</source>
        <translation>العودة إلى الجثامين</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="66"/>
        <source>Distinctive marks</source>
        <translation>العلامات المميزة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="113"/>
        <source>Show face boxes</source>
        <translation>إظهار إطارات الوجوه</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="116"/>
        <source>Mark a face by hand</source>
        <translation>تحديد وجه يدوياً</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="121"/>
        <source>Face upright</source>
        <translation>الوجه مستقيم</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="122"/>
        <source>Face lies on its right side</source>
        <translation>الوجه مائل على جانبه الأيمن</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="123"/>
        <source>Face lies on its left side</source>
        <translation>الوجه مائل على جانبه الأيسر</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="124"/>
        <source>Face upside down</source>
        <translation>الوجه مقلوب</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="126"/>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="128"/>
        <source>Show the whole photo (key 0); the wheel zooms, dragging pans</source>
        <translation>عرض الصورة كاملة (المفتاح 0)؛ عجلة الفأرة تكبّر، والسحب يحرّك الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="130"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="132"/>
        <source>One photo pixel per screen pixel (key 1)</source>
        <translation>بكسل واحد من الصورة لكل بكسل من الشاشة (المفتاح 1)</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="134"/>
        <source>Make the chosen face the subject</source>
        <translation>اجعل الوجه المختار صاحب الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="136"/>
        <source>Click a face box first; only the subject is searched</source>
        <translation>انقر على إطار وجه أولاً؛ يُبحث عن صاحب الصورة وحده</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="156"/>
        <source>Save numbers</source>
        <translation>حفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="169"/>
        <source>Numbers</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="186"/>
        <source>Cannot open the Body</source>
        <translation>تعذّر فتح الجثمان</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="218"/>
        <source>Body %1 — collection %2</source>
        <translation>الجثمان %1 — المجموعة %2</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="241"/>
        <source>no face</source>
        <translation>لا وجه</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/body.py" line="242"/>
        <source>Faces: %n</source>
        <translation>
            <numerusform>لا وجوه</numerusform>
            <numerusform>وجه واحد</numerusform>
            <numerusform>وجهان</numerusform>
            <numerusform>%n وجوه</numerusform>
            <numerusform>%n وجهاً</numerusform>
            <numerusform>%n وجه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="282"/>
        <source>Photo %1: %2 × %3 px. Faces: %4</source>
        <translation>الصورة %1: ‏%2 × %3 بكسل. الوجوه: %4</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="284"/>
        <source>none found</source>
        <translation>لم يُعثر على أي وجه</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="292"/>
        <source>Cannot show the photo</source>
        <translation>تعذّر عرض الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="328"/>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="330"/>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="334"/>
        <source>The numbers were not saved</source>
        <translation>لم تُحفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="352"/>
        <source>Face %1 is now the photo&apos;s subject; search again to update the candidates.</source>
        <translation>صار الوجه %1 صاحب الصورة؛ ابحث من جديد لتحديث المرشحين.</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="354"/>
        <source>The subject was not changed</source>
        <translation>لم يتغير صاحب الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="369"/>
        <source>Aligning and indexing the marked face…</source>
        <translation>جارٍ محاذاة الوجه المحدد وإضافته إلى الفهرس…</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="374"/>
        <source>Face %1 marked by hand and added to the search index.</source>
        <translation>حُدِّد الوجه %1 يدوياً وأُضيف إلى فهرس البحث.</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="379"/>
        <source>The face was not marked</source>
        <translation>لم يُحدَّد الوجه</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../itemmodels/candidates.py" line="134"/>
        <source>Rank</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="134"/>
        <source>Family photo</source>
        <translation>صورة العائلة</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="134"/>
        <source>Post-mortem face</source>
        <translation>وجه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="135"/>
        <source>Body</source>
        <translation>الجثمان</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="135"/>
        <source>Score (best pair and pooled faces)</source>
        <translation>الدرجة (أفضل زوج والوجوه المجمّعة)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="136"/>
        <source>Strength of evidence</source>
        <translation>قوة الدليل</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="137"/>
        <source>Distinctive marks</source>
        <translation>العلامات المميزة</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="137"/>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="152"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="155"/>
        <location filename="../itemmodels/candidates.py" line="260"/>
        <source>hidden until you decide</source>
        <translation>مخفية حتى تقرّر</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="194"/>
        <source>Blind review: the scores are shown once you have recorded your own review of this pair</source>
        <translation>مراجعة عمياء: تظهر الدرجات بعد أن تسجّل مراجعتك الخاصة لهذا الزوج</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="197"/>
        <source>Best pair %1, mean of best three %2 (cosine similarity; stored before mean faces)</source>
        <translation>أفضل زوج %1، متوسط أفضل ثلاثة %2 (تشابه جيب التمام؛ حُفظت قبل الوجوه المتوسطة)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="201"/>
        <source>Mean of best pair %1 and mean faces %2; mean of best three pairs %3 (cosine similarity; stored before pooled faces)</source>
        <translation>متوسط أفضل زوج %1 والوجهين المتوسطين %2؛ متوسط أفضل ثلاثة أزواج %3 (تشابه جيب التمام؛ حُفظت قبل الوجوه المجمّعة)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="205"/>
        <source>Mean of best pair %1 and pooled faces %2 (all photos of both sides; mean faces %3); mean of best three pairs %4 (cosine similarity)</source>
        <translation>متوسط أفضل زوج %1 والوجوه المجمّعة %2 (كل صور الجانبين؛ الوجهان المتوسطان %3)؛ متوسط أفضل ثلاثة أزواج %4 (تشابه جيب التمام)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="221"/>
        <source>disagree: %1</source>
        <translation>تختلف في: %1</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="225"/>
        <source>nothing to compare yet</source>
        <translation>لا شيء للمقارنة بعد</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="226"/>
        <source>agree: %1; cannot tell: %2</source>
        <translation>متفقة: %1؛ لا يمكن الحكم: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../itemmodels/candidates.py" line="231"/>
        <source>Ranked by %n models together: the mean of their calibrated scores (log10 likelihood ratio) is %1</source>
        <translation>
            <numerusform>رُتّب بـ %n نموذج: متوسط الدرجات المعايَرة (لوغاريتم نسبة الأرجحية) %1</numerusform>
            <numerusform>رُتّب بنموذج واحد: متوسط درجاته المعايَرة (لوغاريتم نسبة الأرجحية) %1</numerusform>
            <numerusform>رُتّب بنموذجين معاً: متوسط درجتيهما المعايَرتين (لوغاريتم نسبة الأرجحية) %1</numerusform>
            <numerusform>رُتّب بـ %n نماذج معاً: متوسط درجاتها المعايَرة (لوغاريتم نسبة الأرجحية) %1</numerusform>
            <numerusform>رُتّب بـ %n نموذجاً معاً: متوسط درجاتها المعايَرة (لوغاريتم نسبة الأرجحية) %1</numerusform>
            <numerusform>رُتّب بـ %n نموذج معاً: متوسط درجاتها المعايَرة (لوغاريتم نسبة الأرجحية) %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="236"/>
        <source>%1: score %2, log10 LR %3</source>
        <translation>%1: الدرجة %2، لوغاريتم نسبة الأرجحية %3</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="240"/>
        <source>%1: could not score this pair (no face with its vectors)</source>
        <translation>%1: تعذّر تقييم هذا الزوج (لا وجه له متجهات هذا النموذج)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="242"/>
        <source>The bar and the strength of evidence are those of %1.</source>
        <translation>الشريط وقوة الدليل هما لنموذج %1.</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="250"/>
        <source>Models together: mean log10 LR %1</source>
        <translation>النموذجان معاً: متوسط لوغاريتم نسبة الأرجحية %1</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="262"/>
        <source>scored before the pooled faces: search again for its likelihood ratio</source>
        <translation>قُدّرت الدرجة قبل الوجوه المجمّعة: أعد البحث لتظهر نسبة أرجحيتها</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="264"/>
        <source>no calibration for this model</source>
        <translation>لا معايرة لهذا النموذج</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="265"/>
        <source>Face: %1</source>
        <translation>الوجه: %1</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="268"/>
        <source>All evidence: %1</source>
        <translation>الأدلة كلها: %1</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="277"/>
        <source>Likelihood ratio: how much more probable this score is if the two are the same person than if they are different people. Not a probability of identity.</source>
        <translation>نسبة الأرجحية: كم مرة تكون هذه الدرجة أرجح إذا كان الاثنان شخصاً واحداً منها إذا كانا شخصين مختلفين. ليست احتمال الهوية.</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="280"/>
        <source>Calibration: %1, fitted %2 on %3 same-person and %4 different-person pairs (%5)</source>
        <translation>المعايرة: %1، مُلائمة في %2 على %3 زوجاً للشخص نفسه و%4 زوجاً لشخصين مختلفين (%5)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="286"/>
        <source>What the fused score adds up (log10 of each ratio):</source>
        <translation>ما تجمعه الدرجة المدمجة (log10 لكل نسبة):</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="295"/>
        <source>%1 of %2 supported</source>
        <translation>%1 من %2 مدعومة</translation>
    </message>
    <message numerus="yes">
        <location filename="../itemmodels/candidates.py" line="298"/>
        <source>%n contradicted</source>
        <translation>
            <numerusform>لا تناقض</numerusform>
            <numerusform>تناقض واحد</numerusform>
            <numerusform>تناقضان</numerusform>
            <numerusform>%n تناقضات</numerusform>
            <numerusform>%n تناقضاً</numerusform>
            <numerusform>%n تناقض</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="136"/>
        <source>Review state</source>
        <translation>حالة المراجعة</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <location filename="../pages/candidates.py" line="86"/>
        <source>All states</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="109"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="122"/>
        <source>Missing person</source>
        <translation>المفقود</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="126"/>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="65"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="67"/>
        <source>A candidate is not an identification: every pair is reviewed by people before anything is recorded.</source>
        <translation>المرشح ليس تعرّفاً: يراجع أشخاصٌ كل زوج قبل تسجيل أي شيء.</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="92"/>
        <source>Whatever the records say</source>
        <translation>أياً كان ما تقوله السجلات</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="93"/>
        <source>Records disagree on something</source>
        <translation>السجلات تختلف في أمر ما</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="94"/>
        <source>Records agree or cannot tell</source>
        <translation>السجلات متفقة أو لا يمكن الحكم</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="95"/>
        <source>Sex, age, dates and branch of the two records: a candidate whose records disagree is flagged, never dropped (records can be wrong)</source>
        <translation>الجنس والعمر والتواريخ والفرع في السجلين: المرشح الذي يختلف سجلاه يُعلَّم ولا يُسقط أبداً (فالسجلات قد تخطئ)</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="101"/>
        <source>Rank by the face</source>
        <translation>الترتيب حسب الوجه</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="102"/>
        <source>Rank by all the evidence</source>
        <translation>الترتيب حسب الأدلة كلها</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="103"/>
        <source>All the evidence: the face&apos;s likelihood ratio multiplied by what the records and the marks say (the README&apos;s &quot;Fused score&quot; and every report explain the weights)</source>
        <translation>الأدلة كلها: نسبة أرجحية الوجه مضروبة فيما تقوله السجلات والعلامات (يشرح الأوزانَ قسمُ «Fused score» في README وكلُّ تقرير)</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="115"/>
        <source>Search with the model in the status bar alone, or rank by it and another model together: the mean of each model&apos;s calibrated score (log10 likelihood ratio); every model&apos;s own score is shown</source>
        <translation>ابحث بالنموذج المذكور في شريط الحالة وحده، أو رتّب به وبنموذج آخر معاً: متوسط الدرجة المعايَرة لكل نموذج (لوغاريتم نسبة الأرجحية)؛ وتُعرض درجة كل نموذج</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="180"/>
        <source>This model alone</source>
        <translation>هذا النموذج وحده</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="183"/>
        <source>Fused with %1</source>
        <translation>مدموجاً مع %1</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="229"/>
        <source>No missing person yet.</source>
        <translation>لا يوجد مفقودون بعد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/candidates.py" line="241"/>
        <source>Candidates: %n</source>
        <translation>
            <numerusform>لا مرشحين</numerusform>
            <numerusform>مرشح واحد</numerusform>
            <numerusform>مرشحان</numerusform>
            <numerusform>%n مرشحين</numerusform>
            <numerusform>%n مرشحاً</numerusform>
            <numerusform>%n مرشح</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="242"/>
        <source>No candidates yet: press Search.</source>
        <translation>لا مرشحين بعد: اضغط «بحث».</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="252"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="258"/>
        <source>Search finished: ranked by both models together.</source>
        <translation>انتهى البحث: رُتّب بالنموذجين معاً.</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="259"/>
        <source>Search finished.</source>
        <translation>انتهى البحث.</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="264"/>
        <source>The search failed</source>
        <translation>فشل البحث</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../widgets/comparison.py" line="118"/>
        <source>Family photo</source>
        <translation>صورة العائلة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="120"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="153"/>
        <source>Zoom and pan together</source>
        <translation>تكبير وتحريك معاً</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="155"/>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="157"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="159"/>
        <source>Aligned overlay</source>
        <translation>تطابق متراكب</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="161"/>
        <source>Both faces warped onto the same five-point template and laid over each other (Ctrl+O)</source>
        <translation>الوجهان محوَّلان إلى القالب نفسه ذي النقاط الخمس ومتراكبان (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="170"/>
        <source>Flicker</source>
        <translation>تبديل سريع</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="173"/>
        <source>Landmarks</source>
        <translation>النقاط المرجعية</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="177"/>
        <source>Opacity</source>
        <translation>الشفافية</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="197"/>
        <source>score hidden until you decide</source>
        <translation>الدرجة مخفية حتى تقرّر</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="198"/>
        <source>score %1</source>
        <translation>الدرجة %1</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="199"/>
        <source>Pair %1: family photo %2 × post-mortem photo %3 — %4</source>
        <translation>الزوج %1: صورة العائلة %2 × صورة ما بعد الوفاة %3 — %4</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../dialogs/crash.py" line="23"/>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../dialogs/crash.py" line="24"/>
        <source>Athar met an error it did not expect. What you were doing was not saved half-way: every change is saved whole or not at all, and everything saved before is kept.</source>
        <translation>واجه «أثر» خطأً لم يكن متوقعاً. لم يُحفظ ما كنت تفعله ناقصاً: كل تغيير يُحفظ كاملاً أو لا يُحفظ أبداً، وكل ما حُفظ قبل ذلك باقٍ.</translation>
    </message>
    <message>
        <location filename="../dialogs/crash.py" line="27"/>
        <source>Details for the developers were written to %1. Please send them that file.</source>
        <translation>كُتبت التفاصيل للمطوّرين في %1. يُرجى إرسال هذا الملف إليهم.</translation>
    </message>
</context>
<context>
    <name>DuplicatesBox</name>
    <message>
        <location filename="../widgets/duplicates_box.py" line="45"/>
        <source>Possible duplicates</source>
        <translation>جثامين مكررة محتملة</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="59"/>
        <source>What you compared (required)</source>
        <translation>ما الذي قارنته (مطلوب)</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="60"/>
        <source>Same body: merge it into this one</source>
        <translation>الجثمان نفسه: ادمجه في هذا</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="62"/>
        <source>Fragments</source>
        <translation>أجزاء</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="64"/>
        <source>Not the same</source>
        <translation>ليس نفسه</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="66"/>
        <source>Undo decision</source>
        <translation>تراجع عن القرار</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="120"/>
        <source>No possible duplicate found.</source>
        <translation>لم يوجد جثمان مكرر محتمل.</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="124"/>
        <source>no face to compare</source>
        <translation>لا وجه للمقارنة</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="125"/>
        <source>faces: LR %1</source>
        <translation>الوجوه: نسبة الأرجحية %1</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="127"/>
        <source>face score %1</source>
        <translation>درجة الوجه %1</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="128"/>
        <source>same %1</source>
        <translation>%1 نفسه</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="131"/>
        <source>%1 differs</source>
        <translation>%1 مختلف</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="134"/>
        <source>Suggested: Body %1 (%2) — %3</source>
        <translation>مقترح: الجثمان %1 (%2) — %3</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="141"/>
        <source>detainee number</source>
        <translation>رقم المعتقل</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="142"/>
        <source>forensic number</source>
        <translation>رقم التقرير الطبي الشرعي</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="147"/>
        <source>Body %1 is merged into this one</source>
        <translation>الجثمان %1 مدموج في هذا</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="149"/>
        <source>Merged into Body %1: its photos are searched there</source>
        <translation>مدموج في الجثمان %1: يُبحث بصوره هناك</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="152"/>
        <source>Fragment of the same person as Body %1</source>
        <translation>جزء من رفات الشخص نفسه مع الجثمان %1</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="155"/>
        <source>Not the same body as Body %1</source>
        <translation>ليس الجثمان نفسه مع الجثمان %1</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="156"/>
        <source>decision %1 by %2, %3</source>
        <translation>القرار %1 من %2، %3</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="159"/>
        <source>undone by %1, %2</source>
        <translation>تراجع عنه %1، %2</translation>
    </message>
    <message>
        <location filename="../widgets/duplicates_box.py" line="208"/>
        <source>Recorded. The searches it changes run again in the background.</source>
        <translation>سُجّل. تُعاد في الخلفية عمليات البحث التي يغيّرها.</translation>
    </message>
</context>
<context>
    <name>EstimatesBox</name>
    <message>
        <location filename="../widgets/estimates_box.py" line="32"/>
        <source>Forensic estimates</source>
        <translation>تقديرات الطب الشرعي</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="41"/>
        <source>not estimated</source>
        <translation>غير مقدّر</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="46"/>
        <source>years</source>
        <translation>سنوات</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="49"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY أو YYYY-MM أو YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="52"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="55"/>
        <source>Save estimates</source>
        <translation>احفظ التقديرات</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="64"/>
        <source>Sex (estimated)</source>
        <translation>الجنس (تقدير)</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="65"/>
        <source>Age at death (estimated)</source>
        <translation>العمر عند الوفاة (تقدير)</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="66"/>
        <source>Date of death (certificate)</source>
        <translation>تاريخ الوفاة (الشهادة)</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="104"/>
        <source>Estimates saved.</source>
        <translation>حُفظت التقديرات.</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="105"/>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../widgets/estimates_box.py" line="109"/>
        <source>The estimates were not saved</source>
        <translation>لم تُحفظ التقديرات</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../dialogs/import_folder.py" line="56"/>
        <source>Import post-mortem photos</source>
        <translation>استيراد صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="78"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="91"/>
        <source>CSV file with columns file, body, …</source>
        <translation>ملف CSV بأعمدة file و body و…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="96"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="97"/>
        <source>Grouping</source>
        <translation>التجميع</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="98"/>
        <source>CSV list</source>
        <translation>قائمة CSV</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="99"/>
        <source>Collection name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="108"/>
        <source>Choose a folder and a collection name.</source>
        <translation>اختر مجلداً واسماً للمجموعة.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="113"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="113"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="123"/>
        <source>Start import</source>
        <translation>بدء الاستيراد</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="127"/>
        <source>Cancel import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="131"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="142"/>
        <source>Folder of post-mortem photos</source>
        <translation>مجلد صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="155"/>
        <source>The folder %1 does not exist.</source>
        <translation>المجلد %1 غير موجود.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="158"/>
        <source>Give the collection a name.</source>
        <translation>أعطِ المجموعة اسماً.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="163"/>
        <source>The CSV list %1 does not exist.</source>
        <translation>قائمة CSV ‏%1 غير موجودة.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="181"/>
        <source>Preparing (counting files, loading the model)…</source>
        <translation>جارٍ التحضير (عدّ الملفات، تحميل النموذج)…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="194"/>
        <source>Cancelling: finishing the files in progress…</source>
        <translation>جارٍ الإلغاء: إنهاء الملفات قيد المعالجة…</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="202"/>
        <source>%1 of %2 files, %3 faces found, %4 skipped; about %5 left</source>
        <translation>%1 من %2 ملفاً، عُثر على %3 وجهاً، تُخطّي %4؛ يتبقى نحو %5</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="215"/>
        <source>Cancelled; everything imported so far is kept. Import the same folder again to resume.</source>
        <translation>أُلغي؛ حُفظ كل ما استُورد حتى الآن. استورد المجلد نفسه مرة أخرى للاستئناف.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="217"/>
        <source>Import finished.</source>
        <translation>انتهى الاستيراد.</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="219"/>
        <source>%1 files: %2 new photos, %3 already imported, %4 duplicates, %5 already filed elsewhere (not filed again), %6 skipped; %7 faces, %8 photos without a face (%9).</source>
        <translation>%1 ملفاً: %2 صورة جديدة، %3 مستوردة سابقاً، %4 مكررة، %5 محفوظة في سجل آخر (لم تُحفظ مرة ثانية)، %6 متخطاة؛ %7 وجهاً، %8 صورة بلا وجه (%9).</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="227"/>
        <source>no face found (it can be marked by hand on the Body page)</source>
        <translation>لم يُعثر على وجه (يمكن تحديده يدوياً في صفحة الجثمان)</translation>
    </message>
    <message>
        <location filename="../dialogs/import_folder.py" line="243"/>
        <source>The import stopped: %1. Everything imported before this is kept.</source>
        <translation>توقف الاستيراد: %1. حُفظ كل ما استُورد قبل ذلك.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Reviewed by others (shown after yours)</source>
        <translation>راجعه آخرون (يظهر بعد مراجعتك)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>In review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Excluded</source>
        <translation>مستبعد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <location filename="../labels.py" line="99"/>
        <source>Possible</source>
        <translation>محتمل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <location filename="../labels.py" line="100"/>
        <source>Needs information</source>
        <translation>يحتاج معلومات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="21"/>
        <source>Proposed identification</source>
        <translation>تعرّف مقترح</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Detainee number</source>
        <translation>رقم المعتقل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Branch number</source>
        <translation>رقم الفرع</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Forensic report number</source>
        <translation>رقم التقرير الطبي الشرعي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>Date photographed</source>
        <translation>تاريخ التصوير</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Bodies</source>
        <translation>الجثامين</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Faces</source>
        <translation>الوجوه</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Post-mortem faces</source>
        <translation>وجوه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Faces marked by hand</source>
        <translation>وجوه محددة يدوياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Proposed identifications</source>
        <translation>تعرّفات مقترحة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Confirmed identifications</source>
        <translation>تعرّفات مؤكدة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>Returned proposals</source>
        <translation>مقترحات مُعادة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>Revoked identifications</source>
        <translation>تعرّفات ملغاة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>Identifier</source>
        <translation>محقق تعرّف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="70"/>
        <source>Examiner</source>
        <translation>خبير فحص</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>One Body per folder</source>
        <translation>جثمان واحد لكل مجلد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80"/>
        <source>One Body per file</source>
        <translation>جثمان واحد لكل ملف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81"/>
        <source>From a CSV list (file, body, numbers)</source>
        <translation>من قائمة CSV (الملف، الجثمان، الأرقام)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89"/>
        <source>detector</source>
        <translation>الكاشف الآلي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="90"/>
        <source>marked by hand</source>
        <translation>محدد يدوياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98"/>
        <source>Exclude</source>
        <translation>استبعاد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="101"/>
        <source>Propose identification</source>
        <translation>اقتراح تعرّف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109"/>
        <source>Proposed</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../labels.py" line="110"/>
        <source>Confirmed</source>
        <translation>مؤكد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="111"/>
        <source>Returned</source>
        <translation>مُعاد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="112"/>
        <source>Revoked</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="120"/>
        <source>Tattoo</source>
        <translation>وشم</translation>
    </message>
    <message>
        <location filename="../labels.py" line="121"/>
        <source>Scar</source>
        <translation>ندبة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="122"/>
        <source>Mole or birthmark</source>
        <translation>شامة أو وحمة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="123"/>
        <source>Deformity or amputation</source>
        <translation>تشوّه أو بتر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="124"/>
        <source>Dental feature</source>
        <translation>علامة سنية</translation>
    </message>
    <message>
        <location filename="../labels.py" line="125"/>
        <source>Other mark</source>
        <translation>علامة أخرى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="133"/>
        <source>Head</source>
        <translation>الرأس</translation>
    </message>
    <message>
        <location filename="../labels.py" line="134"/>
        <location filename="../labels.py" line="227"/>
        <source>Face</source>
        <translation>الوجه</translation>
    </message>
    <message>
        <location filename="../labels.py" line="135"/>
        <source>Neck</source>
        <translation>الرقبة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="136"/>
        <source>Chest</source>
        <translation>الصدر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="137"/>
        <source>Abdomen</source>
        <translation>البطن</translation>
    </message>
    <message>
        <location filename="../labels.py" line="138"/>
        <source>Back</source>
        <translation>الظهر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="139"/>
        <source>Left upper arm</source>
        <translation>العضد الأيسر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="140"/>
        <source>Right upper arm</source>
        <translation>العضد الأيمن</translation>
    </message>
    <message>
        <location filename="../labels.py" line="141"/>
        <source>Left forearm</source>
        <translation>الساعد الأيسر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="142"/>
        <source>Right forearm</source>
        <translation>الساعد الأيمن</translation>
    </message>
    <message>
        <location filename="../labels.py" line="143"/>
        <source>Left hand</source>
        <translation>اليد اليسرى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="144"/>
        <source>Right hand</source>
        <translation>اليد اليمنى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="145"/>
        <source>Left thigh</source>
        <translation>الفخذ الأيسر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="146"/>
        <source>Right thigh</source>
        <translation>الفخذ الأيمن</translation>
    </message>
    <message>
        <location filename="../labels.py" line="147"/>
        <source>Left lower leg</source>
        <translation>الساق اليسرى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="148"/>
        <source>Right lower leg</source>
        <translation>الساق اليمنى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="149"/>
        <source>Left foot</source>
        <translation>القدم اليسرى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="150"/>
        <source>Right foot</source>
        <translation>القدم اليمنى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="151"/>
        <source>Upper arm (side not known)</source>
        <translation>العضد (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="152"/>
        <source>Forearm (side not known)</source>
        <translation>الساعد (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="153"/>
        <source>Hand (side not known)</source>
        <translation>اليد (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="154"/>
        <source>Thigh (side not known)</source>
        <translation>الفخذ (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="155"/>
        <source>Lower leg (side not known)</source>
        <translation>الساق (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="156"/>
        <source>Foot (side not known)</source>
        <translation>القدم (الجهة غير معروفة)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="164"/>
        <source>Corresponding</source>
        <translation>مطابقة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="165"/>
        <source>Similar</source>
        <translation>مشابهة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="166"/>
        <source>Not corresponding</source>
        <translation>غير مطابقة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="167"/>
        <source>Compatible (same kind, same place)</source>
        <translation>متوافقة (النوع والمكان نفسهما)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="168"/>
        <source>Another kind of mark there</source>
        <translation>علامة من نوع آخر في المكان نفسه</translation>
    </message>
    <message>
        <location filename="../labels.py" line="169"/>
        <source>No mark recorded there</source>
        <translation>لا علامة مسجلة هناك</translation>
    </message>
    <message>
        <location filename="../labels.py" line="177"/>
        <source>consistent</source>
        <translation>متسق</translation>
    </message>
    <message>
        <location filename="../labels.py" line="178"/>
        <source>inconsistent</source>
        <translation>غير متسق</translation>
    </message>
    <message>
        <location filename="../labels.py" line="179"/>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="187"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../labels.py" line="188"/>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="189"/>
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <location filename="../labels.py" line="190"/>
        <source>Branch</source>
        <translation>الفرع</translation>
    </message>
    <message>
        <location filename="../labels.py" line="198"/>
        <source>no support either way</source>
        <translation>لا دعم لأي من الفرضيتين</translation>
    </message>
    <message>
        <location filename="../labels.py" line="199"/>
        <source>weak support</source>
        <translation>دعم ضعيف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="200"/>
        <source>moderate support</source>
        <translation>دعم متوسط</translation>
    </message>
    <message>
        <location filename="../labels.py" line="201"/>
        <source>moderately strong support</source>
        <translation>دعم قوي نسبياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="203"/>
        <source>strong support</source>
        <translation>دعم قوي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="204"/>
        <source>very strong support</source>
        <translation>دعم قوي جداً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="216"/>
        <source>for the same person</source>
        <translation>لصالح أنهما شخص واحد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="218"/>
        <source>for different people</source>
        <translation>لصالح أنهما شخصان مختلفان</translation>
    </message>
    <message>
        <location filename="../labels.py" line="219"/>
        <source>LR %1, %2</source>
        <translation>نسبة الأرجحية %1، %2</translation>
    </message>
    <message>
        <location filename="../labels.py" line="229"/>
        <source>Records: %1</source>
        <translation>السجلات: %1</translation>
    </message>
    <message>
        <location filename="../labels.py" line="231"/>
        <source>Marks: %1</source>
        <translation>العلامات: %1</translation>
    </message>
    <message>
        <location filename="../labels.py" line="238"/>
        <source>both records say {sex}</source>
        <translation>السجلان كلاهما: {sex}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="239"/>
        <source>the family reports {family}; the examiner estimated {body}</source>
        <translation>تقول العائلة: {family}؛ وقدّر الخبير: {body}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="241"/>
        <source>the sex is not recorded for the {missing}</source>
        <translation>الجنس غير مسجل لـ{missing}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="243"/>
        <source>aged {low}-{high} at the {what} ({when}), within the estimated {est_min}-{est_max}</source>
        <translation>العمر {low}-{high} عند {what} ({when})، ضمن التقدير {est_min}-{est_max}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="246"/>
        <source>aged {low}-{high} at the {what} ({when}), outside the estimated {est_min}-{est_max} (±{margin} years)</source>
        <translation>العمر {low}-{high} عند {what} ({when})، خارج التقدير {est_min}-{est_max} (±{margin} سنوات)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="249"/>
        <location filename="../labels.py" line="260"/>
        <source>no {missing} recorded</source>
        <translation>لا يوجد {missing} مسجل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="250"/>
        <source>the {what} ({when}) comes after the arrest ({arrest})</source>
        <translation>{what} ({when}) بعد الاعتقال ({arrest})</translation>
    </message>
    <message>
        <location filename="../labels.py" line="252"/>
        <source>the {what} ({when}) comes before the arrest the family reports ({arrest})</source>
        <translation>{what} ({when}) قبل الاعتقال الذي تذكره العائلة ({arrest})</translation>
    </message>
    <message>
        <location filename="../labels.py" line="255"/>
        <source>the photo ({photo}) comes before the certified death ({death})</source>
        <translation>الصورة ({photo}) قبل الوفاة الموثقة ({death})</translation>
    </message>
    <message>
        <location filename="../labels.py" line="257"/>
        <source>the {what} ({when}) and the arrest ({arrest}) are given too roughly to tell</source>
        <translation>{what} ({when}) والاعتقال ({arrest}) مذكوران بتقريب لا يسمح بالحكم</translation>
    </message>
    <message>
        <location filename="../labels.py" line="261"/>
        <source>branch {number} on both records</source>
        <translation>الفرع {number} في السجلين كليهما</translation>
    </message>
    <message>
        <location filename="../labels.py" line="262"/>
        <source>branch {body} on the Body, {family} named by the family (a detainee may have been moved between branches)</source>
        <translation>الفرع {body} على الجثمان، و{family} بحسب العائلة (قد يُنقل المعتقل بين الفروع)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="265"/>
        <source>the family names the branch without a number ({family})</source>
        <translation>تذكر العائلة الفرع دون رقم ({family})</translation>
    </message>
    <message>
        <location filename="../labels.py" line="267"/>
        <source>no branch recorded for the {missing}</source>
        <translation>لا فرع مسجلاً لـ{missing}</translation>
    </message>
    <message>
        <location filename="../labels.py" line="271"/>
        <source>male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="272"/>
        <source>female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="273"/>
        <source>Body</source>
        <translation>الجثمان</translation>
    </message>
    <message>
        <location filename="../labels.py" line="274"/>
        <source>missing person</source>
        <translation>المفقود</translation>
    </message>
    <message>
        <location filename="../labels.py" line="275"/>
        <source>photo</source>
        <translation>الصورة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="276"/>
        <source>certified death</source>
        <translation>الوفاة الموثقة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="277"/>
        <source>date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../labels.py" line="278"/>
        <source>age estimate for the Body</source>
        <translation>تقدير لعمر الجثمان</translation>
    </message>
    <message>
        <location filename="../labels.py" line="280"/>
        <source>birth date or year for the missing person</source>
        <translation>تاريخ أو سنة ولادة للمفقود</translation>
    </message>
    <message>
        <location filename="../labels.py" line="282"/>
        <source>date of the photo or of death for the Body</source>
        <translation>تاريخ للصورة أو للوفاة للجثمان</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../dialogs/start.py" line="199"/>
        <source>Session locked</source>
        <translation>الجلسة مقفلة</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="204"/>
        <source>The session locked itself after a period without activity. Enter your password to continue.</source>
        <translation>أُقفلت الجلسة تلقائياً بعد فترة دون نشاط. أدخل كلمة المرور للمتابعة.</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="208"/>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="213"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="214"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="84"/>
        <source>Athar — %1</source>
        <translation>أثر — %1</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="106"/>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="108"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="110"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="112"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="114"/>
        <source>Mark search</source>
        <translation>البحث بالعلامات</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="116"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="117"/>
        <source>Sign-off</source>
        <translation>الاعتماد</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="119"/>
        <source>Victims&apos; lists</source>
        <translation>قوائم الضحايا</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="121"/>
        <source>Audit</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="123"/>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>Workspace: %1</source>
        <translation>مساحة العمل: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197"/>
        <source>User: %1 (%2)</source>
        <translation>المستخدم: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>Model: %1</source>
        <translation>النموذج: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>Model: %1 (not the workspace&apos;s: see the tooltip)</source>
        <translation>النموذج: %1 (ليس نموذج مساحة العمل: انظر التلميح)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>Device: %1</source>
        <translation>الجهاز: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>&amp;Workspace</source>
        <translation>&amp;مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>Import post-mortem photos…</source>
        <translation>استيراد صور ما بعد الوفاة…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Lock now</source>
        <translation>إقفال الآن</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>Close workspace</source>
        <translation>إغلاق مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>Blur post-mortem photos until clicked</source>
        <translation>تمويه صور ما بعد الوفاة حتى النقر عليها</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="247"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <source>Change the language when the running import or search has finished.</source>
        <translation>غيّر اللغة بعد انتهاء الاستيراد أو البحث الجاري.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="320"/>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325"/>
        <source>New material searched: %1 persons and %2 Bodies, %3 new candidates in the review queue.</source>
        <translation>بُحث بالمواد الجديدة: %1 مفقودين و%2 جثامين، %3 مرشحين جدد في قائمة المراجعة.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
</context>
<context>
    <name>MarkDialog</name>
    <message>
        <location filename="../dialogs/mark_form.py" line="75"/>
        <source>Edit mark %1</source>
        <translation>تعديل العلامة %1</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="76"/>
        <source>Mark the family described</source>
        <translation>علامة وصفتها العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="77"/>
        <source>New mark</source>
        <translation>علامة جديدة</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="82"/>
        <source>What it shows: motif, colour, size, words written (Arabic or Latin)</source>
        <translation>ما تُظهره: الرسم، اللون، الحجم، الكلمات المكتوبة (بالعربية أو اللاتينية)</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="87"/>
        <source>The family&apos;s own words, exactly as told</source>
        <translation>كلمات العائلة كما قيلت حرفياً</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="91"/>
        <source>Why it changes (kept in its history)</source>
        <translation>سبب التغيير (يُحفظ في سجلها)</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="93"/>
        <source>Kind of mark</source>
        <translation>نوع العلامة</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="94"/>
        <source>Where on the body</source>
        <translation>مكانها على الجسم</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="95"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="97"/>
        <source>Family&apos;s words</source>
        <translation>كلمات العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="99"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../dialogs/mark_form.py" line="100"/>
        <source>Left and right are the body&apos;s own, as a forensic examiner records them.</source>
        <translation>اليمين واليسار هما يمين الجسم ويساره، كما يسجلهما الطبيب الشرعي.</translation>
    </message>
</context>
<context>
    <name>MarkSearchView</name>
    <message>
        <location filename="../pages/marks.py" line="45"/>
        <source>Search by distinctive mark</source>
        <translation>البحث بالعلامات المميزة</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="47"/>
        <source>Any kind of mark</source>
        <translation>أي نوع من العلامات</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="48"/>
        <source>Anywhere on the body</source>
        <translation>أي مكان على الجسم</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="51"/>
        <source>Words of the description, e.g. anchor or مرساة</source>
        <translation>كلمات من الوصف، مثل مرساة أو anchor</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="54"/>
        <source>Search</source>
        <translation>ابحث</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="59"/>
        <source>Or use a missing person&apos;s marks…</source>
        <translation>أو استخدم علامات مفقود…</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="69"/>
        <source>Rank</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="69"/>
        <source>Body</source>
        <translation>الجثمان</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="69"/>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="69"/>
        <source>Marks that answer</source>
        <translation>العلامات المطابقة للبحث</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="70"/>
        <source>Words found</source>
        <translation>الكلمات الموجودة</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="109"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="123"/>
        <source>No mark is recorded for this person yet.</source>
        <translation>لم تُسجل أي علامة لهذا الشخص بعد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/marks.py" line="136"/>
        <source>Marks: %n</source>
        <translation>
            <numerusform>العلامات: لا شيء</numerusform>
            <numerusform>العلامات: واحدة</numerusform>
            <numerusform>العلامات: اثنتان</numerusform>
            <numerusform>العلامات: %n</numerusform>
            <numerusform>العلامات: %n</numerusform>
            <numerusform>العلامات: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="144"/>
        <source>Bodies found: %1; marks searched: %2, in %3 ms.</source>
        <translation>الجثامين الموجودة: %1؛ العلامات التي بُحث فيها: %2، خلال %3 ملّي ثانية.</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="148"/>
        <source>No Body has such a mark recorded.</source>
        <translation>لا يوجد جثمان سُجلت له علامة كهذه.</translation>
    </message>
    <message>
        <location filename="../pages/marks.py" line="166"/>
        <source>The mark search failed</source>
        <translation>فشل البحث بالعلامات</translation>
    </message>
</context>
<context>
    <name>MarksCompare</name>
    <message>
        <location filename="../widgets/marks_compare.py" line="69"/>
        <source>What you compared (required)</source>
        <translation>ما الذي قارنته (مطلوب)</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="70"/>
        <source>Link</source>
        <translation>اربط</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="72"/>
        <source>Record your judgement of the two chosen marks</source>
        <translation>سجّل حكمك على العلامتين المختارتين</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="79"/>
        <source>The family&apos;s marks</source>
        <translation>علامات العائلة</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="80"/>
        <source>The Body&apos;s marks</source>
        <translation>علامات الجثمان</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="125"/>
        <source>(described) </source>
        <translation>(موصوفة) </translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="142"/>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="155"/>
        <source>Strength of evidence</source>
        <translation>قوة الدليل</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="159"/>
        <source>No calibration for this model: the score is not read as a likelihood ratio.</source>
        <translation>لا معايرة لهذا النموذج: لا تُقرأ الدرجة نسبةَ أرجحية.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="161"/>
        <source>Scored before the search pooled all photos as it does now: search again for its likelihood ratio.</source>
        <translation>قُدّرت الدرجة قبل أن يجمع البحث كل الصور كما يفعل الآن: أعد البحث لتظهر نسبة أرجحيتها.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="163"/>
        <source>Shown once you have recorded your own review (blind review).</source>
        <translation>تظهر بعد أن تسجّل مراجعتك (مراجعة عمياء).</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="165"/>
        <source>Face: %1</source>
        <translation>الوجه: %1</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="170"/>
        <source>All the evidence: %1 (log10: %2)</source>
        <translation>الأدلة كلها: %1 (log10: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="174"/>
        <source>A likelihood ratio: how much more probable the evidence is if the two are the same person than if they are different people; not a probability of identity.</source>
        <translation>نسبة الأرجحية: كم مرة يكون الدليل أرجح إذا كان الاثنان شخصاً واحداً منه إذا كانا شخصين مختلفين؛ ليست احتمال الهوية.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="181"/>
        <source>The family reported no distinctive mark for this person.</source>
        <translation>لم تذكر العائلة أي علامة مميزة لهذا الشخص.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="182"/>
        <source>Marks: %1 of %2 supported, %3 contradicted by an examiner</source>
        <translation>العلامات: %1 من %2 مدعومة، و%3 نقضها خبير</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="213"/>
        <source>Choose one mark on each side first.</source>
        <translation>اختر علامة واحدة من كل جانب أولاً.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="218"/>
        <source>Link %1 recorded: mark %2 and mark %3 are %4.</source>
        <translation>سُجل الربط %1: العلامة %2 والعلامة %3: %4.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_compare.py" line="226"/>
        <source>The link was not recorded</source>
        <translation>لم يُسجل الربط</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <location filename="../widgets/marks_panel.py" line="81"/>
        <source>(withdrawn by %1: %2)</source>
        <translation>(سحبها %1: %2)</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="122"/>
        <source>Draw a mark:</source>
        <translation>ارسم علامة:</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="123"/>
        <source>Rectangle</source>
        <translation>مستطيل</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="123"/>
        <source>Ellipse</source>
        <translation>قطع ناقص</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="124"/>
        <source>Polygon</source>
        <translation>مضلع</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="136"/>
        <source>Show marks on the photo</source>
        <translation>أظهر العلامات على الصورة</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="145"/>
        <source>Describe a mark the family told…</source>
        <translation>صف علامة ذكرتها العائلة…</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="149"/>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="152"/>
        <source>Withdraw…</source>
        <translation>سحب…</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="198"/>
        <source>Described: %1</source>
        <translation>موصوفة: %1</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="256"/>
        <source>Click the corners; double-click, Enter or a click on the first point closes the polygon; Esc drops it.</source>
        <translation>انقر على الزوايا؛ النقر المزدوج أو Enter أو النقر على النقطة الأولى يغلق المضلع؛ Esc يلغيه.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="259"/>
        <source>Drag over the mark.</source>
        <translation>اسحب فوق العلامة.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="280"/>
        <source>Mark %1 recorded.</source>
        <translation>سُجلت العلامة %1.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="291"/>
        <source>Mark %1 recorded as the family described it.</source>
        <translation>سُجلت العلامة %1 كما وصفتها العائلة.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="312"/>
        <source>Mark %1 changed; its history keeps the old values.</source>
        <translation>عُدلت العلامة %1؛ ويحفظ سجلها القيم السابقة.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="319"/>
        <source>Withdraw mark %1</source>
        <translation>سحب العلامة %1</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="320"/>
        <source>Why is this mark withdrawn? It stays in the record with your reason.</source>
        <translation>لماذا تُسحب هذه العلامة؟ تبقى في السجل مع سببك.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="324"/>
        <source>Mark %1 withdrawn.</source>
        <translation>سُحبت العلامة %1.</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="329"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../widgets/marks_panel.py" line="340"/>
        <source>The mark was not saved</source>
        <translation>لم تُحفظ العلامة</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <location filename="../pages/models.py" line="48"/>
        <source>Face models</source>
        <translation>نماذج الوجوه</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="51"/>
        <source>Searches use the model named in the status bar. A model pack a team provisions offline is installed here, then its vectors are added to every face; nothing is ever downloaded. Read a pack&apos;s licence before using it.</source>
        <translation>تستخدم عمليات البحث النموذج المذكور في شريط الحالة. تُثبَّت هنا حزمة النموذج التي يجهّزها الفريق دون اتصال، ثم تُضاف متجهاتها إلى كل وجه؛ لا يُنزَّل أي شيء أبدًا. اقرأ ترخيص الحزمة قبل استخدامها.</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="58"/>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="58"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="58"/>
        <source>Dimension</source>
        <translation>البُعد</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="59"/>
        <source>Faces with its vectors</source>
        <translation>الوجوه التي لها متجهاته</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="59"/>
        <source>In use</source>
        <translation>قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="60"/>
        <source>Workspace&apos;s model</source>
        <translation>نموذج مساحة العمل</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="69"/>
        <source>Install a pack…</source>
        <translation>تثبيت حزمة…</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="72"/>
        <source>Add its vectors to every face</source>
        <translation>إضافة متجهاته إلى كل وجه</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="76"/>
        <source>Make it the workspace&apos;s model</source>
        <translation>اجعله نموذج مساحة العمل</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="79"/>
        <source>Every session&apos;s searches and imports then use it. Its vectors must be on every face first.</source>
        <translation>تستخدمه بعدها عمليات البحث والاستيراد في كل جلسة. يجب أن تكون متجهاته على كل وجه أولًا.</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="83"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="89"/>
        <source>Automatic (GPU when present)</source>
        <translation>تلقائي (وحدة معالجة الرسوميات إن وُجدت)</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="90"/>
        <source>CPU</source>
        <translation>المعالج المركزي</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="90"/>
        <source>GPU (CUDA)</source>
        <translation>وحدة معالجة الرسوميات (CUDA)</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="107"/>
        <source>Packs compute on</source>
        <translation>تحسب الحزم على</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="113"/>
        <source>Licence and published accuracy</source>
        <translation>الترخيص والدقة المنشورة</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="135"/>
        <source>%1 (cannot be used)</source>
        <translation>%1 (لا يمكن استخدامه)</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="138"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="140"/>
        <location filename="../pages/models.py" line="141"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="169"/>
        <source>Licence: %1</source>
        <translation>الترخيص: %1</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="170"/>
        <source>Published accuracy (as its author states it): %1</source>
        <translation>الدقة المنشورة (كما يذكرها صاحبها): %1</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="185"/>
        <source>A model pack folder</source>
        <translation>مجلد حزمة نموذج</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="191"/>
        <source>Checking %1…</source>
        <translation>جارٍ التحقق من %1…</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="193"/>
        <source>The pack was not installed</source>
        <translation>لم تُثبَّت الحزمة</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="198"/>
        <source>Installed %1</source>
        <translation>ثُبِّت %1</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="199"/>
        <source>%1 was already installed; nothing was copied</source>
        <translation>%1 مثبَّت من قبل؛ لم يُنسخ شيء</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="208"/>
        <source>Use this model?</source>
        <translation>استخدام هذا النموذج؟</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="209"/>
        <source>Its licence:

%1

Add its vectors to the %2 faces that have none? This runs in the background; Cancel keeps what is done.</source>
        <translation>ترخيصه:

%1

إضافة متجهاته إلى الوجوه الـ %2 التي ليست لها متجهات منه؟ يجري ذلك في الخلفية؛ والإلغاء يحتفظ بما أُنجز.</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="220"/>
        <source>Make it the workspace&apos;s model?</source>
        <translation>جعله نموذج مساحة العمل؟</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="221"/>
        <source>Its licence:

%1

Every session&apos;s searches and imports will use %2 unless a command names another model.</source>
        <translation>ترخيصه:

%1

ستستخدم عمليات البحث والاستيراد في كل جلسة %2 ما لم يحدد أمرٌ نموذجًا آخر.</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="231"/>
        <source>Activating %1…</source>
        <translation>جارٍ تفعيل %1…</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="236"/>
        <source>%1 is the workspace&apos;s model: searches and imports use it</source>
        <translation>%1 هو نموذج مساحة العمل: تستخدمه عمليات البحث والاستيراد</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="242"/>
        <source>The model was not made the workspace&apos;s</source>
        <translation>لم يُجعل النموذج نموذج مساحة العمل</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="252"/>
        <source>Adding vectors of %1…</source>
        <translation>جارٍ إضافة متجهات %1…</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="262"/>
        <source>Stopping after the photos in progress…</source>
        <translation>سيتوقف بعد الصور الجارية…</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="268"/>
        <source>%v of %m faces</source>
        <translation>%v من %m وجهًا</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="278"/>
        <source>Stopped: %1 faces got vectors; run it again to finish</source>
        <translation>توقف: حصل %1 وجهًا على متجهات؛ شغّله مرة أخرى لإكماله</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="279"/>
        <source>Done: %1 faces got vectors</source>
        <translation>تم: حصل %1 وجهًا على متجهات</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="282"/>
        <source>%1 faces: the model&apos;s detector found no face in the stored box; keypoints placed from the box (less reliable)</source>
        <translation>%1 وجهًا: لم يجد كاشف النموذج وجهًا في الإطار المحفوظ؛ وُضعت النقاط المرجعية من الإطار (أقل موثوقية)</translation>
    </message>
    <message>
        <location filename="../pages/models.py" line="292"/>
        <source>The vectors were not added</source>
        <translation>لم تُضف المتجهات</translation>
    </message>
</context>
<context>
    <name>OverlayCanvas</name>
    <message>
        <location filename="../widgets/overlay_canvas.py" line="51"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../pages/overview.py" line="37"/>
        <source>Candidates by review state</source>
        <translation>المرشحون حسب حالة المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/overview.py" line="41"/>
        <source>Recent activity</source>
        <translation>النشاط الأخير</translation>
    </message>
    <message>
        <location filename="../pages/overview.py" line="46"/>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
</context>
<context>
    <name>PersonIntakeDialog</name>
    <message>
        <location filename="../dialogs/intake.py" line="53"/>
        <source>New missing person</source>
        <translation>مفقود جديد</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="85"/>
        <source>1985 or 1985-03-21</source>
        <translation>1985 أو 1985-03-21</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="89"/>
        <source>2013 or 2013-08-04</source>
        <translation>2013 أو 2013-08-04</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="105"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="106"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="107"/>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="108"/>
        <source>Mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="109"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="110"/>
        <source>Born (year or date)</source>
        <translation>الولادة (سنة أو تاريخ)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="111"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="112"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="113"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="114"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="115"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="116"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="117"/>
        <source>Submitted by</source>
        <translation>مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="119"/>
        <source>Submitter&apos;s contact</source>
        <translation>وسيلة التواصل مع مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="122"/>
        <source>Contact details can be entered only by users permitted to see them.</source>
        <translation>لا يُدخل بيانات التواصل إلا المستخدمون المأذون لهم برؤيتها.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="133"/>
        <source>Add photos…</source>
        <translation>إضافة صور…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="136"/>
        <source>Photos from the family (drop files here)</source>
        <translation>صور من العائلة (أفلت الملفات هنا)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="145"/>
        <source>Faces found in these photos</source>
        <translation>الوجوه التي وُجدت في هذه الصور</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="158"/>
        <source>Photos from the family</source>
        <translation>صور من العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="159"/>
        <source>Images (%1)</source>
        <translation>صور (%1)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="172"/>
        <source>Looking for faces…</source>
        <translation>جارٍ البحث عن الوجوه…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="189"/>
        <source>%1 cannot be used: %2</source>
        <translation>لا يمكن استخدام %1: %2</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="194"/>
        <source>other face</source>
        <translation>وجه آخر</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/intake.py" line="197"/>
        <source>Faces found so far: %n</source>
        <translation>
            <numerusform>لم يُعثر على وجوه بعد.</numerusform>
            <numerusform>عُثر على وجه واحد حتى الآن.</numerusform>
            <numerusform>عُثر على وجهين حتى الآن.</numerusform>
            <numerusform>عُثر على %n وجوه حتى الآن.</numerusform>
            <numerusform>عُثر على %n وجهاً حتى الآن.</numerusform>
            <numerusform>عُثر على %n وجه حتى الآن.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="198"/>
        <source>No face found yet: the record can still be saved, and a face can be marked later.</source>
        <translation>لم يُعثر على وجه بعد: يمكن حفظ السجل مع ذلك، وتحديد الوجه لاحقاً.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="221"/>
        <source>Enter a name in Arabic or in Latin letters.</source>
        <translation>أدخل اسماً بالعربية أو بالحروف اللاتينية.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="225"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="240"/>
        <source>Saved as record %1, but %2 of %3 photos could not be filed: %4</source>
        <translation>حُفظ في السجل %1، لكن تعذّر حفظ %2 من %3 صور: %4</translation>
    </message>
</context>
<context>
    <name>PersonMarksDialog</name>
    <message>
        <location filename="../dialogs/person_marks.py" line="50"/>
        <source>Make the chosen face the subject</source>
        <translation>اجعل الوجه المختار صاحب الصورة</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="52"/>
        <source>Click a face box first: in a photo of several people, only the subject is searched</source>
        <translation>انقر على إطار وجه أولاً: في صورة لعدة أشخاص يُبحث عن صاحب الصورة وحده</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="75"/>
        <source>Cannot open the record</source>
        <translation>تعذر فتح السجل</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="89"/>
        <source>Photos and marks of %1</source>
        <translation>صور %1 وعلاماته</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="90"/>
        <source>%1 — the family&apos;s photos and the marks they told of</source>
        <translation>%1 — صور العائلة والعلامات التي ذكرتها</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="94"/>
        <source>Photo %1</source>
        <translation>الصورة %1</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="123"/>
        <source>Cannot show the photo</source>
        <translation>تعذر عرض الصورة</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="146"/>
        <source>Face %1 is now the photo&apos;s subject; search again to update the candidates.</source>
        <translation>صار الوجه %1 صاحب الصورة؛ ابحث من جديد لتحديث المرشحين.</translation>
    </message>
    <message>
        <location filename="../dialogs/person_marks.py" line="153"/>
        <source>The subject was not changed</source>
        <translation>لم يتغير صاحب الصورة</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../itemmodels/persons.py" line="51"/>
        <source>Label</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="51"/>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="51"/>
        <source>Name (Latin)</source>
        <translation>الاسم (باللاتينية)</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="52"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="52"/>
        <source>Born</source>
        <translation>الولادة</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="52"/>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../itemmodels/persons.py" line="52"/>
        <source>Faces</source>
        <translation>الوجوه</translation>
    </message>
</context>
<context>
    <name>PersonsView</name>
    <message>
        <location filename="../pages/persons.py" line="86"/>
        <source>Type a name in Arabic or Latin letters…</source>
        <translation>اكتب اسماً بالعربية أو بالحروف اللاتينية…</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="90"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="102"/>
        <source>Search the post-mortem photos</source>
        <translation>البحث في صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="119"/>
        <source>Show submitter and contact</source>
        <translation>إظهار مقدّم البلاغ ووسيلة التواصل</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="121"/>
        <source>Each viewing is recorded in the audit log.</source>
        <translation>تُسجَّل كل مشاهدة في سجل التدقيق.</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="129"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="53"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="115"/>
        <source>Photos and distinctive marks…</source>
        <translation>الصور والعلامات المميزة…</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="157"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="198"/>
        <source>Submitter: %1; contact: %2</source>
        <translation>مقدّم البلاغ: %1؛ التواصل: %2</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="200"/>
        <source>No submitter recorded.</source>
        <translation>لم يُسجَّل مقدّم بلاغ.</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="212"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="213"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="214"/>
        <source>Born</source>
        <translation>الولادة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="214"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="215"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="216"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="217"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="218"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="219"/>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="220"/>
        <source>Mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="221"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="224"/>
        <source>Photos: %1</source>
        <translation>الصور: %1</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <location filename="../widgets/photo_canvas.py" line="303"/>
        <source>No photo chosen</source>
        <translation>لم تُختر صورة</translation>
    </message>
    <message>
        <location filename="../widgets/photo_canvas.py" line="304"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../widgets/photo_canvas.py" line="314"/>
        <source>Blurred. Click to show the photo.</source>
        <translation>الصورة مموّهة. انقر لإظهارها.</translation>
    </message>
</context>
<context>
    <name>PostMortemView</name>
    <message>
        <location filename="../pages/postmortem.py" line="84"/>
        <source>Filter Bodies by label…</source>
        <translation>تصفية الجثامين حسب المعرّف…</translation>
    </message>
    <message>
        <location filename="../pages/postmortem.py" line="87"/>
        <source>Import post-mortem photos…</source>
        <translation>استيراد صور ما بعد الوفاة…</translation>
    </message>
    <message>
        <location filename="../pages/postmortem.py" line="103"/>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <location filename="../pages/postmortem.py" line="111"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../pages/postmortem.py" line="140"/>
        <source>All collections</source>
        <translation>كل المجموعات</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/postmortem.py" line="164"/>
        <source>Bodies: %n</source>
        <translation>
            <numerusform>لا جثامين</numerusform>
            <numerusform>جثمان واحد</numerusform>
            <numerusform>جثمانان</numerusform>
            <numerusform>%n جثامين</numerusform>
            <numerusform>%n جثماناً</numerusform>
            <numerusform>%n جثمان</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <location filename="../pages/review.py" line="92"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="106"/>
        <source>Every person</source>
        <translation>كل الأشخاص</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="109"/>
        <source>Every collection</source>
        <translation>كل المجموعات</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="112"/>
        <source>Awaiting review</source>
        <translation>بانتظار المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="168"/>
        <source>What you compared and why you decide so (required)</source>
        <translation>ما الذي قارنته ولماذا قررت ذلك (إلزامي)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="171"/>
        <source>Record review and go to the next (Ctrl+Enter)</source>
        <translation>سجّل المراجعة وانتقل إلى التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="178"/>
        <source>Your review</source>
        <translation>مراجعتك</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="252"/>
        <source>Your first visit: %1 candidates await review (persons: %2, Bodies: %3).</source>
        <translation>زيارتك الأولى: %1 مرشحين بانتظار المراجعة (المفقودون: %2، الجثامين: %3).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="254"/>
        <source>Your first visit: nothing awaits review yet.</source>
        <translation>زيارتك الأولى: لا شيء بانتظار المراجعة بعد.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="256"/>
        <source>New since your last visit (%4): %1 candidates (persons: %2, Bodies: %3).</source>
        <translation>الجديد منذ زيارتك الأخيرة (%4): %1 مرشحين (المفقودون: %2، الجثامين: %3).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="258"/>
        <source>Nothing new since your last visit (%4).</source>
        <translation>لا جديد منذ زيارتك الأخيرة (%4).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="295"/>
        <source>Nothing awaits review with these filters.</source>
        <translation>لا شيء بانتظار المراجعة بهذه المرشحات.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="357"/>
        <source>Candidate %1: %2 and Body %3</source>
        <translation>المرشح %1: %2 والجثمان %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/review.py" line="363"/>
        <source>%n other review(s) of this pair will be shown once you have recorded yours (blind review).</source>
        <translation>
            <numerusform>لا توجد مراجعات أخرى لهذا الزوج.</numerusform>
            <numerusform>ستظهر مراجعة أخرى لهذا الزوج بعد أن تسجّل مراجعتك (مراجعة عمياء).</numerusform>
            <numerusform>ستظهر مراجعتان أخريان لهذا الزوج بعد أن تسجّل مراجعتك (مراجعة عمياء).</numerusform>
            <numerusform>ستظهر %n مراجعات أخرى لهذا الزوج بعد أن تسجّل مراجعتك (مراجعة عمياء).</numerusform>
            <numerusform>ستظهر %n مراجعة أخرى لهذا الزوج بعد أن تسجّل مراجعتك (مراجعة عمياء).</numerusform>
            <numerusform>ستظهر %n مراجعة أخرى لهذا الزوج بعد أن تسجّل مراجعتك (مراجعة عمياء).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="369"/>
        <source>No review yet.</source>
        <translation>لا مراجعة بعد.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="373"/>
        <source>Cannot open the candidate</source>
        <translation>تعذّر فتح المرشح</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="400"/>
        <source>Choose a decision first (Ctrl+1 to Ctrl+4).</source>
        <translation>اختر قراراً أولاً (Ctrl+1 إلى Ctrl+4).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="410"/>
        <source>Review recorded; the pair is now: %1.</source>
        <translation>سُجّلت المراجعة؛ حالة الزوج الآن: %1.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="412"/>
        <source>Identification %1 is proposed for a supervisor&apos;s sign-off.</source>
        <translation>التعرّف %1 مقترح لاعتماد المشرف.</translation>
    </message>
</context>
<context>
    <name>SideView</name>
    <message>
        <location filename="../widgets/comparison.py" line="55"/>
        <source>Face crop</source>
        <translation>اقتصاص الوجه</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="56"/>
        <source>Whole photo</source>
        <translation>الصورة كاملة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="57"/>
        <source>Rotate 90°</source>
        <translation>تدوير 90°</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="60"/>
        <source>Grey</source>
        <translation>رمادي</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="63"/>
        <source>Light</source>
        <translation>الإضاءة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="63"/>
        <source>Brightness</source>
        <translation>السطوع</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="64"/>
        <source>Contrast</source>
        <translation>التباين</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="65"/>
        <source>Gamma</source>
        <translation>غاما</translation>
    </message>
</context>
<context>
    <name>SignOffView</name>
    <message>
        <location filename="../pages/signoff.py" line="60"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="82"/>
        <source>Sign-off</source>
        <translation>الاعتماد</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="84"/>
        <source>Four eyes: whoever proposed an identification, or reviewed the pair with &apos;propose&apos;, cannot confirm it.</source>
        <translation>مبدأ العيون الأربع: من اقترح تعرّفاً، أو راجع الزوج بقرار «اقتراح»، لا يمكنه تأكيده.</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="97"/>
        <source>Your reason (required)</source>
        <translation>سببك (إلزامي)</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="99"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="101"/>
        <source>Return to review</source>
        <translation>إعادة إلى المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="103"/>
        <source>Revoke</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="105"/>
        <source>Compare the photos…</source>
        <translation>قارن الصور…</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="107"/>
        <source>Report (PDF)…</source>
        <translation>التقرير (PDF)…</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="146"/>
        <source>#%1 %2 — %3 = Body %4 (proposed by %5)</source>
        <translation>#%1 %2 — %3 = الجثمان %4 (اقترحه %5)</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="158"/>
        <source>Nothing here.</source>
        <translation>لا شيء هنا.</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="178"/>
        <source>Identification %1</source>
        <translation>التعرّف %1</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="179"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="179"/>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="179"/>
        <source>Index version</source>
        <translation>نسخة الفهرس</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="180"/>
        <source>Every photo pair, frozen at the proposal</source>
        <translation>كل أزواج الصور، مثبّتة عند الاقتراح</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="190"/>
        <source>family photo %1 × post-mortem photo %2: %3</source>
        <translation>صورة العائلة %1 × صورة ما بعد الوفاة %2: %3</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="194"/>
        <source>Reviews</source>
        <translation>المراجعات</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="194"/>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="216"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="221"/>
        <source>Confirmed.</source>
        <translation>تم التأكيد.</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="221"/>
        <source>Returned to review.</source>
        <translation>أُعيد إلى المراجعة.</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="222"/>
        <source>Revoked; the record and its history stay.</source>
        <translation>أُلغي؛ يبقى السجل وتاريخه.</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="238"/>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="239"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="249"/>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="253"/>
        <source>The report was not written</source>
        <translation>لم يُكتب التقرير</translation>
    </message>
    <message>
        <location filename="../pages/signoff.py" line="257"/>
        <source>Report written to %1 (SHA-256 %2).</source>
        <translation>كُتب التقرير في %1 (SHA-256 %2).</translation>
    </message>
</context>
<context>
    <name>VictimsView</name>
    <message>
        <location filename="../pages/victims.py" line="40"/>
        <source>Documented victims</source>
        <translation>الضحايا الموثقون</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="42"/>
        <source>Import a list (CSV)…</source>
        <translation>استورد قائمة (CSV)…</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="48"/>
        <source>Every missing person</source>
        <translation>كل المفقودين</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="52"/>
        <location filename="../pages/victims.py" line="57"/>
        <source>Missing person</source>
        <translation>المفقود</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="57"/>
        <source>Record (source id)</source>
        <translation>السجل (المعرّف في المصدر)</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="57"/>
        <source>Name on the list</source>
        <translation>الاسم في القائمة</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="58"/>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="58"/>
        <source>Fields that agree</source>
        <translation>الحقول المتفقة</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="99"/>
        <source>A documented-victims list</source>
        <translation>قائمة ضحايا موثقين</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="100"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="106"/>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد %1…</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="108"/>
        <source>The list was not imported</source>
        <translation>لم تُستورد القائمة</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="112"/>
        <source>Rows: %1 = added %2 + left out %3</source>
        <translation>الصفوف: %1 = أُضيف %2 + تُرك %3</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="116"/>
        <source>… and %1 more (athar victims import lists them all)</source>
        <translation>… و%1 غيرها (يسردها الأمر athar victims import كلها)</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="137"/>
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="137"/>
        <source>father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="138"/>
        <source>mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="138"/>
        <source>birth year</source>
        <translation>سنة الولادة</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="139"/>
        <source>origin</source>
        <translation>الأصل</translation>
    </message>
    <message>
        <location filename="../pages/victims.py" line="145"/>
        <source>Confirmed identifications: %1 — already in a victims&apos; list: %2; a record of the same name only: %3; not found there: %4</source>
        <translation>التعرّفات المؤكدة: %1 — موجودة في قائمة ضحايا: %2؛ سجل بالاسم نفسه فقط: %3؛ غير موجودة فيها: %4</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <location filename="../dialogs/start.py" line="63"/>
        <source>Athar — open a workspace</source>
        <translation>أثر — فتح مساحة عمل</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="95"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="126"/>
        <source>Recent workspaces</source>
        <translation>مساحات العمل الأخيرة</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="133"/>
        <source>A new workspace is an encrypted folder. Choose a long passphrase: it cannot be recovered. The user below becomes its first supervisor.</source>
        <translation>مساحة العمل الجديدة مجلد مشفّر. اختر عبارة مرور طويلة: لا يمكن استرجاعها. يصبح المستخدم أدناه أول مشرف عليها.</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="135"/>
        <source>Repeat the passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="136"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="137"/>
        <source>Create new</source>
        <translation>إنشاء جديدة</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="113"/>
        <location filename="../dialogs/start.py" line="154"/>
        <source>Workspace folder</source>
        <translation>مجلد مساحة العمل</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="114"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="115"/>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="116"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="117"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="71"/>
        <location filename="../dialogs/start.py" line="146"/>
        <source>Unlock and open</source>
        <translation>فتح القفل والدخول</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="145"/>
        <source>Create and open</source>
        <translation>إنشاء والدخول</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="163"/>
        <source>Choose a workspace folder.</source>
        <translation>اختر مجلد مساحة العمل.</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="166"/>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="171"/>
        <source>Creating the workspace…</source>
        <translation>جارٍ إنشاء مساحة العمل…</translation>
    </message>
    <message>
        <location filename="../dialogs/start.py" line="172"/>
        <source>Unlocking…</source>
        <translation>جارٍ فتح القفل…</translation>
    </message>
</context>
</TS>
