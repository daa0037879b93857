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
        <location filename="../pages/body.py" line="54"/>
        <source>Back to the Bodies</source>
        <translation>العودة إلى الجثامين</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="91"/>
        <source>Show face boxes</source>
        <translation>إظهار إطارات الوجوه</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="94"/>
        <source>Mark a face by hand</source>
        <translation>تحديد وجه يدوياً</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="99"/>
        <source>Face upright</source>
        <translation>الوجه مستقيم</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="100"/>
        <source>Face lies on its right side</source>
        <translation>الوجه مائل على جانبه الأيمن</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="101"/>
        <source>Face lies on its left side</source>
        <translation>الوجه مائل على جانبه الأيسر</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="102"/>
        <source>Face upside down</source>
        <translation>الوجه مقلوب</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="104"/>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="106"/>
        <source>Show the whole photo (key 0); the wheel zooms, dragging pans</source>
        <translation>عرض الصورة كاملة (المفتاح 0)؛ عجلة الفأرة تكبّر، والسحب يحرّك الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="108"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="110"/>
        <source>One photo pixel per screen pixel (key 1)</source>
        <translation>بكسل واحد من الصورة لكل بكسل من الشاشة (المفتاح 1)</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="128"/>
        <source>Save numbers</source>
        <translation>حفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="141"/>
        <source>Numbers</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="159"/>
        <source>Cannot open the Body</source>
        <translation>تعذّر فتح الجثمان</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="171"/>
        <source>Body %1 — collection %2</source>
        <translation>الجثمان %1 — المجموعة %2</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="191"/>
        <source>no face</source>
        <translation>لا وجه</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/body.py" line="192"/>
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
        <location filename="../pages/body.py" line="229"/>
        <source>Photo %1: %2 × %3 px. Faces: %4</source>
        <translation>الصورة %1: ‏%2 × %3 بكسل. الوجوه: %4</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="231"/>
        <source>none found</source>
        <translation>لم يُعثر على أي وجه</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="239"/>
        <source>Cannot show the photo</source>
        <translation>تعذّر عرض الصورة</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="270"/>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="272"/>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="276"/>
        <source>The numbers were not saved</source>
        <translation>لم تُحفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="290"/>
        <source>Aligning and indexing the marked face…</source>
        <translation>جارٍ محاذاة الوجه المحدد وإضافته إلى الفهرس…</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="295"/>
        <source>Face %1 marked by hand and added to the search index.</source>
        <translation>حُدِّد الوجه %1 يدوياً وأُضيف إلى فهرس البحث.</translation>
    </message>
    <message>
        <location filename="../pages/body.py" line="300"/>
        <source>The face was not marked</source>
        <translation>لم يُحدَّد الوجه</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../itemmodels/candidates.py" line="59"/>
        <source>Rank</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="59"/>
        <source>Family photo</source>
        <translation>صورة العائلة</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="59"/>
        <source>Post-mortem face</source>
        <translation>وجه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="60"/>
        <source>Body</source>
        <translation>الجثمان</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="60"/>
        <source>Score (best pair and mean faces)</source>
        <translation>الدرجة (أفضل زوج والمتوسط)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="78"/>
        <source>hidden until you decide</source>
        <translation>مخفية حتى تقرّر</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="89"/>
        <source>Blind review: the scores are shown once you have recorded your own review of this pair</source>
        <translation>مراجعة عمياء: تظهر الدرجات بعد أن تسجّل مراجعتك الخاصة لهذا الزوج</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="92"/>
        <source>Best pair %1, mean of best three %2 (cosine similarity; stored before mean faces)</source>
        <translation>أفضل زوج %1، متوسط أفضل ثلاثة %2 (تشابه جيب التمام؛ حُفظت قبل الوجوه المتوسطة)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="95"/>
        <source>Mean of best pair %1 and mean faces %2; mean of best three pairs %3 (cosine similarity)</source>
        <translation>متوسط أفضل زوج %1 والوجهين المتوسطين %2؛ متوسط أفضل ثلاثة أزواج %3 (تشابه جيب التمام)</translation>
    </message>
    <message>
        <location filename="../itemmodels/candidates.py" line="61"/>
        <source>Review state</source>
        <translation>حالة المراجعة</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <location filename="../pages/candidates.py" line="78"/>
        <source>All states</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="82"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="88"/>
        <source>Missing person</source>
        <translation>المفقود</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="91"/>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="57"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="59"/>
        <source>A candidate is not an identification: every pair is reviewed by people before anything is recorded.</source>
        <translation>المرشح ليس تعرّفاً: يراجع أشخاصٌ كل زوج قبل تسجيل أي شيء.</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="156"/>
        <source>No missing person yet.</source>
        <translation>لا يوجد مفقودون بعد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/candidates.py" line="166"/>
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
        <location filename="../pages/candidates.py" line="167"/>
        <source>No candidates yet: press Search.</source>
        <translation>لا مرشحين بعد: اضغط «بحث».</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="175"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="181"/>
        <source>Search finished.</source>
        <translation>انتهى البحث.</translation>
    </message>
    <message>
        <location filename="../pages/candidates.py" line="186"/>
        <source>The search failed</source>
        <translation>فشل البحث</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../widgets/comparison.py" line="170"/>
        <source>Family photo</source>
        <translation>صورة العائلة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="172"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="197"/>
        <source>Zoom and pan together</source>
        <translation>تكبير وتحريك معاً</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="199"/>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="201"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="203"/>
        <source>Aligned overlay</source>
        <translation>تطابق متراكب</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="205"/>
        <source>Both faces warped onto the same five-point template and laid over each other (Ctrl+O)</source>
        <translation>الوجهان محوَّلان إلى القالب نفسه ذي النقاط الخمس ومتراكبان (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="214"/>
        <source>Flicker</source>
        <translation>تبديل سريع</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="217"/>
        <source>Landmarks</source>
        <translation>النقاط المرجعية</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="221"/>
        <source>Opacity</source>
        <translation>الشفافية</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="237"/>
        <source>score hidden until you decide</source>
        <translation>الدرجة مخفية حتى تقرّر</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="238"/>
        <source>score %1</source>
        <translation>الدرجة %1</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="239"/>
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
        <location filename="../labels.py" line="13"/>
        <source>Reviewed by others (shown after yours)</source>
        <translation>راجعه آخرون (يظهر بعد مراجعتك)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>In review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Excluded</source>
        <translation>مستبعد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <location filename="../labels.py" line="98"/>
        <source>Possible</source>
        <translation>محتمل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <location filename="../labels.py" line="99"/>
        <source>Needs information</source>
        <translation>يحتاج معلومات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Proposed identification</source>
        <translation>تعرّف مقترح</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Detainee number</source>
        <translation>رقم المعتقل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Branch number</source>
        <translation>رقم الفرع</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Forensic report number</source>
        <translation>رقم التقرير الطبي الشرعي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Date photographed</source>
        <translation>تاريخ التصوير</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Bodies</source>
        <translation>الجثامين</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Faces</source>
        <translation>الوجوه</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Post-mortem faces</source>
        <translation>وجوه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Faces marked by hand</source>
        <translation>وجوه محددة يدوياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Proposed identifications</source>
        <translation>تعرّفات مقترحة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48"/>
        <source>Confirmed identifications</source>
        <translation>تعرّفات مؤكدة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="49"/>
        <source>Returned proposals</source>
        <translation>مقترحات مُعادة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>Revoked identifications</source>
        <translation>تعرّفات ملغاة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="68"/>
        <source>Identifier</source>
        <translation>محقق تعرّف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="69"/>
        <source>Examiner</source>
        <translation>خبير فحص</translation>
    </message>
    <message>
        <location filename="../labels.py" line="70"/>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78"/>
        <source>One Body per folder</source>
        <translation>جثمان واحد لكل مجلد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79"/>
        <source>One Body per file</source>
        <translation>جثمان واحد لكل ملف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80"/>
        <source>From a CSV list (file, body, numbers)</source>
        <translation>من قائمة CSV (الملف، الجثمان، الأرقام)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="88"/>
        <source>detector</source>
        <translation>الكاشف الآلي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="89"/>
        <source>marked by hand</source>
        <translation>محدد يدوياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97"/>
        <source>Exclude</source>
        <translation>استبعاد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="100"/>
        <source>Propose identification</source>
        <translation>اقتراح تعرّف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108"/>
        <source>Proposed</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109"/>
        <source>Confirmed</source>
        <translation>مؤكد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="110"/>
        <source>Returned</source>
        <translation>مُعاد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="111"/>
        <source>Revoked</source>
        <translation>ملغى</translation>
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
        <location filename="../main_window.py" line="77"/>
        <source>Athar — %1</source>
        <translation>أثر — %1</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="97"/>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="99"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="101"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="103"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="105"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="106"/>
        <source>Sign-off</source>
        <translation>الاعتماد</translation>
    </message>
    <message>
        <location filename="../pages/registry.py" line="108"/>
        <source>Audit</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>Workspace: %1</source>
        <translation>مساحة العمل: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173"/>
        <source>User: %1 (%2)</source>
        <translation>المستخدم: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176"/>
        <source>Model: %1</source>
        <translation>النموذج: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179"/>
        <source>Device: %1</source>
        <translation>الجهاز: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>&amp;Workspace</source>
        <translation>&amp;مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>Import post-mortem photos…</source>
        <translation>استيراد صور ما بعد الوفاة…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192"/>
        <source>Lock now</source>
        <translation>إقفال الآن</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>Close workspace</source>
        <translation>إغلاق مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <source>Blur post-mortem photos until clicked</source>
        <translation>تمويه صور ما بعد الوفاة حتى النقر عليها</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Change the language when the running import or search has finished.</source>
        <translation>غيّر اللغة بعد انتهاء الاستيراد أو البحث الجاري.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="279"/>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="282"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
</context>
<context>
    <name>OverlayCanvas</name>
    <message>
        <location filename="../widgets/comparison.py" line="126"/>
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
        <location filename="../dialogs/intake.py" line="101"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="102"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="103"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="104"/>
        <source>Born (year or date)</source>
        <translation>الولادة (سنة أو تاريخ)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="105"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="106"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="107"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="108"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="109"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="110"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="111"/>
        <source>Submitted by</source>
        <translation>مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="113"/>
        <source>Submitter&apos;s contact</source>
        <translation>وسيلة التواصل مع مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="116"/>
        <source>Contact details can be entered only by users permitted to see them.</source>
        <translation>لا يُدخل بيانات التواصل إلا المستخدمون المأذون لهم برؤيتها.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="127"/>
        <source>Add photos…</source>
        <translation>إضافة صور…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="130"/>
        <source>Photos from the family (drop files here)</source>
        <translation>صور من العائلة (أفلت الملفات هنا)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="139"/>
        <source>Faces found in these photos</source>
        <translation>الوجوه التي وُجدت في هذه الصور</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="152"/>
        <source>Photos from the family</source>
        <translation>صور من العائلة</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="153"/>
        <source>Images (%1)</source>
        <translation>صور (%1)</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="166"/>
        <source>Looking for faces…</source>
        <translation>جارٍ البحث عن الوجوه…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="183"/>
        <source>%1 cannot be used: %2</source>
        <translation>لا يمكن استخدام %1: %2</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="188"/>
        <source>other face</source>
        <translation>وجه آخر</translation>
    </message>
    <message numerus="yes">
        <location filename="../dialogs/intake.py" line="191"/>
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
        <location filename="../dialogs/intake.py" line="192"/>
        <source>No face found yet: the record can still be saved, and a face can be marked later.</source>
        <translation>لم يُعثر على وجه بعد: يمكن حفظ السجل مع ذلك، وتحديد الوجه لاحقاً.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="214"/>
        <source>Enter a name in Arabic or in Latin letters.</source>
        <translation>أدخل اسماً بالعربية أو بالحروف اللاتينية.</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="218"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../dialogs/intake.py" line="233"/>
        <source>Saved as record %1, but %2 of %3 photos could not be filed: %4</source>
        <translation>حُفظ في السجل %1، لكن تعذّر حفظ %2 من %3 صور: %4</translation>
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
        <location filename="../pages/persons.py" line="84"/>
        <source>Type a name in Arabic or Latin letters…</source>
        <translation>اكتب اسماً بالعربية أو بالحروف اللاتينية…</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="88"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="100"/>
        <source>Search the post-mortem photos</source>
        <translation>البحث في صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="113"/>
        <source>Show submitter and contact</source>
        <translation>إظهار مقدّم البلاغ ووسيلة التواصل</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="115"/>
        <source>Each viewing is recorded in the audit log.</source>
        <translation>تُسجَّل كل مشاهدة في سجل التدقيق.</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="123"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="51"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="149"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="187"/>
        <source>Submitter: %1; contact: %2</source>
        <translation>مقدّم البلاغ: %1؛ التواصل: %2</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="189"/>
        <source>No submitter recorded.</source>
        <translation>لم يُسجَّل مقدّم بلاغ.</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="200"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="201"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="202"/>
        <source>Born</source>
        <translation>الولادة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="202"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="203"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="204"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="205"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="206"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="207"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../pages/persons.py" line="210"/>
        <source>Photos: %1</source>
        <translation>الصور: %1</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <location filename="../widgets/photo_canvas.py" line="298"/>
        <source>No photo chosen</source>
        <translation>لم تُختر صورة</translation>
    </message>
    <message>
        <location filename="../widgets/photo_canvas.py" line="299"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../widgets/photo_canvas.py" line="309"/>
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
        <location filename="../pages/review.py" line="83"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="97"/>
        <source>Every person</source>
        <translation>كل الأشخاص</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="100"/>
        <source>Every collection</source>
        <translation>كل المجموعات</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="103"/>
        <source>Awaiting review</source>
        <translation>بانتظار المراجعة</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="153"/>
        <source>What you compared and why you decide so (required)</source>
        <translation>ما الذي قارنته ولماذا قررت ذلك (إلزامي)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="156"/>
        <source>Record review and go to the next (Ctrl+Enter)</source>
        <translation>سجّل المراجعة وانتقل إلى التالي (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="163"/>
        <source>Your review</source>
        <translation>مراجعتك</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="239"/>
        <source>Nothing awaits review with these filters.</source>
        <translation>لا شيء بانتظار المراجعة بهذه المرشحات.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="298"/>
        <source>Candidate %1: %2 and Body %3</source>
        <translation>المرشح %1: %2 والجثمان %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/review.py" line="304"/>
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
        <location filename="../pages/review.py" line="310"/>
        <source>No review yet.</source>
        <translation>لا مراجعة بعد.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="314"/>
        <source>Cannot open the candidate</source>
        <translation>تعذّر فتح المرشح</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="341"/>
        <source>Choose a decision first (Ctrl+1 to Ctrl+4).</source>
        <translation>اختر قراراً أولاً (Ctrl+1 إلى Ctrl+4).</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="351"/>
        <source>Review recorded; the pair is now: %1.</source>
        <translation>سُجّلت المراجعة؛ حالة الزوج الآن: %1.</translation>
    </message>
    <message>
        <location filename="../pages/review.py" line="353"/>
        <source>Identification %1 is proposed for a supervisor&apos;s sign-off.</source>
        <translation>التعرّف %1 مقترح لاعتماد المشرف.</translation>
    </message>
</context>
<context>
    <name>SideView</name>
    <message>
        <location filename="../widgets/comparison.py" line="50"/>
        <source>Face crop</source>
        <translation>اقتصاص الوجه</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="51"/>
        <source>Whole photo</source>
        <translation>الصورة كاملة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="52"/>
        <source>Rotate 90°</source>
        <translation>تدوير 90°</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="55"/>
        <source>Grey</source>
        <translation>رمادي</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="58"/>
        <source>Light</source>
        <translation>الإضاءة</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="58"/>
        <source>Brightness</source>
        <translation>السطوع</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="59"/>
        <source>Contrast</source>
        <translation>التباين</translation>
    </message>
    <message>
        <location filename="../widgets/comparison.py" line="60"/>
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
