<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>No.</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>Time (UTC)</source>
        <translation>الوقت (UTC)</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="34"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="35"/>
        <source>Object</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="39"/>
        <source>Load older events</source>
        <translation>تحميل أحداث أقدم</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="42"/>
        <source>Audit</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="44"/>
        <source>Every action is recorded in a hash chain; `athar verify` checks that none was altered.</source>
        <translation>يُسجَّل كل إجراء في سلسلة مترابطة بالتجزئة؛ ويتحقق الأمر `athar verify` من أن شيئاً منها لم يُعدَّل.</translation>
    </message>
</context>
<context>
    <name>BodyGridModel</name>
    <message>
        <location filename="../postmortem.py" line="90"/>
        <source>%1: %2 photos, %3 faces</source>
        <translation>%1: %2 صور، %3 وجوه</translation>
    </message>
</context>
<context>
    <name>BodyView</name>
    <message>
        <location filename="../body_page.py" line="149"/>
        <source>Back to the Bodies</source>
        <translation>العودة إلى الجثامين</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="163"/>
        <source>Show face boxes</source>
        <translation>إظهار إطارات الوجوه</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="166"/>
        <source>Mark a face by hand</source>
        <translation>تحديد وجه يدوياً</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="171"/>
        <source>Face upright</source>
        <translation>الوجه مستقيم</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="172"/>
        <source>Face lies on its right side</source>
        <translation>الوجه مائل على جانبه الأيمن</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="173"/>
        <source>Face lies on its left side</source>
        <translation>الوجه مائل على جانبه الأيسر</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="174"/>
        <source>Face upside down</source>
        <translation>الوجه مقلوب</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="191"/>
        <source>Save numbers</source>
        <translation>حفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="202"/>
        <source>Numbers</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="234"/>
        <source>Cannot open the Body</source>
        <translation>تعذّر فتح الجثمان</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="246"/>
        <source>Body %1 — collection %2</source>
        <translation>الجثمان %1 — المجموعة %2</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="266"/>
        <source>no face</source>
        <translation>لا وجه</translation>
    </message>
    <message numerus="yes">
        <location filename="../body_page.py" line="267"/>
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
        <location filename="../body_page.py" line="304"/>
        <source>Photo %1: %2 × %3 px. Faces: %4</source>
        <translation>الصورة %1: ‏%2 × %3 بكسل. الوجوه: %4</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="306"/>
        <source>none found</source>
        <translation>لم يُعثر على أي وجه</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="314"/>
        <source>Cannot show the photo</source>
        <translation>تعذّر عرض الصورة</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="345"/>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="347"/>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="353"/>
        <source>The numbers were not saved</source>
        <translation>لم تُحفظ الأرقام</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="367"/>
        <source>Aligning and indexing the marked face…</source>
        <translation>جارٍ محاذاة الوجه المحدد وإضافته إلى الفهرس…</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="372"/>
        <source>Face %1 marked by hand and added to the search index.</source>
        <translation>حُدِّد الوجه %1 يدوياً وأُضيف إلى فهرس البحث.</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="378"/>
        <source>The face was not marked</source>
        <translation>لم يُحدَّد الوجه</translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <location filename="../candidates.py" line="74"/>
        <source>Rank</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="74"/>
        <source>Family photo</source>
        <translation>صورة العائلة</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="74"/>
        <source>Post-mortem face</source>
        <translation>وجه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="75"/>
        <source>Body</source>
        <translation>الجثمان</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="75"/>
        <source>Score (best pair and mean faces)</source>
        <translation>الدرجة (أفضل زوج والمتوسط)</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="99"/>
        <source>Best pair %1, mean of best three %2 (cosine similarity; stored before mean faces)</source>
        <translation>أفضل زوج %1، متوسط أفضل ثلاثة %2 (تشابه جيب التمام؛ حُفظت قبل الوجوه المتوسطة)</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="102"/>
        <source>Mean of best pair %1 and mean faces %2; mean of best three pairs %3 (cosine similarity)</source>
        <translation>متوسط أفضل زوج %1 والوجهين المتوسطين %2؛ متوسط أفضل ثلاثة أزواج %3 (تشابه جيب التمام)</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="76"/>
        <source>Review state</source>
        <translation>حالة المراجعة</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <location filename="../candidates.py" line="137"/>
        <source>All states</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="141"/>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="166"/>
        <source>Missing person</source>
        <translation>المفقود</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="169"/>
        <source>Show</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="171"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="173"/>
        <source>A candidate is not an identification: every pair is reviewed by people before anything is recorded.</source>
        <translation>المرشح ليس تعرّفاً: يراجع أشخاصٌ كل زوج قبل تسجيل أي شيء.</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="224"/>
        <source>No missing person yet.</source>
        <translation>لا يوجد مفقودون بعد.</translation>
    </message>
    <message numerus="yes">
        <location filename="../candidates.py" line="234"/>
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
        <location filename="../candidates.py" line="235"/>
        <source>No candidates yet: press Search.</source>
        <translation>لا مرشحين بعد: اضغط «بحث».</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="243"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="249"/>
        <source>Search finished.</source>
        <translation>انتهى البحث.</translation>
    </message>
    <message>
        <location filename="../candidates.py" line="255"/>
        <source>The search failed</source>
        <translation>فشل البحث</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../import_dialog.py" line="55"/>
        <source>Import post-mortem photos</source>
        <translation>استيراد صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="64"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="77"/>
        <source>CSV file with columns file, body, …</source>
        <translation>ملف CSV بأعمدة file و body و…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="82"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="83"/>
        <source>Grouping</source>
        <translation>التجميع</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="84"/>
        <source>CSV list</source>
        <translation>قائمة CSV</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="85"/>
        <source>Collection name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="90"/>
        <source>Choose a folder and a collection name.</source>
        <translation>اختر مجلداً واسماً للمجموعة.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="95"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="95"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="102"/>
        <source>Start import</source>
        <translation>بدء الاستيراد</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="106"/>
        <source>Cancel import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="110"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="127"/>
        <source>Folder of post-mortem photos</source>
        <translation>مجلد صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="140"/>
        <source>The folder %1 does not exist.</source>
        <translation>المجلد %1 غير موجود.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="143"/>
        <source>Give the collection a name.</source>
        <translation>أعطِ المجموعة اسماً.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="148"/>
        <source>The CSV list %1 does not exist.</source>
        <translation>قائمة CSV ‏%1 غير موجودة.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="166"/>
        <source>Preparing (counting files, loading the model)…</source>
        <translation>جارٍ التحضير (عدّ الملفات، تحميل النموذج)…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="179"/>
        <source>Cancelling: finishing the files in progress…</source>
        <translation>جارٍ الإلغاء: إنهاء الملفات قيد المعالجة…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="187"/>
        <source>%1 of %2 files, %3 faces found, %4 skipped; about %5 left</source>
        <translation>%1 من %2 ملفاً، عُثر على %3 وجهاً، تُخطّي %4؛ يتبقى نحو %5</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="200"/>
        <source>Cancelled; everything imported so far is kept. Import the same folder again to resume.</source>
        <translation>أُلغي؛ حُفظ كل ما استُورد حتى الآن. استورد المجلد نفسه مرة أخرى للاستئناف.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="202"/>
        <source>Import finished.</source>
        <translation>انتهى الاستيراد.</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="204"/>
        <source>%1 files: %2 new photos, %3 already imported, %4 duplicates, %5 already filed elsewhere (not filed again), %6 skipped; %7 faces, %8 photos without a face (%9).</source>
        <translation>%1 ملفاً: %2 صورة جديدة، %3 مستوردة سابقاً، %4 مكررة، %5 محفوظة في سجل آخر (لم تُحفظ مرة ثانية)، %6 متخطاة؛ %7 وجهاً، %8 صورة بلا وجه (%9).</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="212"/>
        <source>no face found (it can be marked by hand on the Body page)</source>
        <translation>لم يُعثر على وجه (يمكن تحديده يدوياً في صفحة الجثمان)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="229"/>
        <source>The import stopped: %1. Everything imported before this is kept.</source>
        <translation>توقف الاستيراد: %1. حُفظ كل ما استُورد قبل ذلك.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="13"/>
        <source>Queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>In review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>Excluded</source>
        <translation>مستبعد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Possible</source>
        <translation>محتمل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Needs information</source>
        <translation>يحتاج معلومات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Proposed identification</source>
        <translation>تعرّف مقترح</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Detainee number</source>
        <translation>رقم المعتقل</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27"/>
        <source>Branch number</source>
        <translation>رقم الفرع</translation>
    </message>
    <message>
        <location filename="../labels.py" line="28"/>
        <source>Forensic report number</source>
        <translation>رقم التقرير الطبي الشرعي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Date photographed</source>
        <translation>تاريخ التصوير</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37"/>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>Bodies</source>
        <translation>الجثامين</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>Faces</source>
        <translation>الوجوه</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <source>Post-mortem faces</source>
        <translation>وجوه ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42"/>
        <source>Faces marked by hand</source>
        <translation>وجوه محددة يدوياً</translation>
    </message>
    <message>
        <location filename="../labels.py" line="43"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Proposed identifications</source>
        <translation>تعرّفات مقترحة</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Identifier</source>
        <translation>محقق تعرّف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>Examiner</source>
        <translation>خبير فحص</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>One Body per folder</source>
        <translation>جثمان واحد لكل مجلد</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>One Body per file</source>
        <translation>جثمان واحد لكل ملف</translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>From a CSV list (file, body, numbers)</source>
        <translation>من قائمة CSV (الملف، الجثمان، الأرقام)</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83"/>
        <source>detector</source>
        <translation>الكاشف الآلي</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84"/>
        <source>marked by hand</source>
        <translation>محدد يدوياً</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../start.py" line="190"/>
        <source>Session locked</source>
        <translation>الجلسة مقفلة</translation>
    </message>
    <message>
        <location filename="../start.py" line="195"/>
        <source>The session locked itself after a period without activity. Enter your password to continue.</source>
        <translation>أُقفلت الجلسة تلقائياً بعد فترة دون نشاط. أدخل كلمة المرور للمتابعة.</translation>
    </message>
    <message>
        <location filename="../start.py" line="199"/>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <location filename="../start.py" line="204"/>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <location filename="../start.py" line="205"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="89"/>
        <source>Athar — %1</source>
        <translation>أثر — %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="93"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="94"/>
        <source>Candidates</source>
        <translation>المرشحون</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95"/>
        <source>Review (later)</source>
        <translation>المراجعة (لاحقاً)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="95"/>
        <source>Audit</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="145"/>
        <source>Workspace: %1</source>
        <translation>مساحة العمل: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>User: %1 (%2)</source>
        <translation>المستخدم: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>Model: %1</source>
        <translation>النموذج: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153"/>
        <source>Device: %1</source>
        <translation>الجهاز: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>&amp;Workspace</source>
        <translation>&amp;مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>Import post-mortem photos…</source>
        <translation>استيراد صور ما بعد الوفاة…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166"/>
        <source>Lock now</source>
        <translation>إقفال الآن</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168"/>
        <source>Close workspace</source>
        <translation>إغلاق مساحة العمل</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="174"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175"/>
        <source>Blur post-mortem photos until clicked</source>
        <translation>تمويه صور ما بعد الوفاة حتى النقر عليها</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>Change the language when the running import or search has finished.</source>
        <translation>غيّر اللغة بعد انتهاء الاستيراد أو البحث الجاري.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>Error: %1</source>
        <translation>خطأ: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="247"/>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../overview.py" line="37"/>
        <source>Candidates by review state</source>
        <translation>المرشحون حسب حالة المراجعة</translation>
    </message>
    <message>
        <location filename="../overview.py" line="41"/>
        <source>Recent activity</source>
        <translation>النشاط الأخير</translation>
    </message>
    <message>
        <location filename="../overview.py" line="46"/>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
</context>
<context>
    <name>PersonIntakeDialog</name>
    <message>
        <location filename="../persons.py" line="141"/>
        <source>New missing person</source>
        <translation>مفقود جديد</translation>
    </message>
    <message>
        <location filename="../persons.py" line="157"/>
        <source>1985 or 1985-03-21</source>
        <translation>1985 أو 1985-03-21</translation>
    </message>
    <message>
        <location filename="../persons.py" line="161"/>
        <source>2013 or 2013-08-04</source>
        <translation>2013 أو 2013-08-04</translation>
    </message>
    <message>
        <location filename="../persons.py" line="173"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../persons.py" line="174"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../persons.py" line="175"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../persons.py" line="176"/>
        <source>Born (year or date)</source>
        <translation>الولادة (سنة أو تاريخ)</translation>
    </message>
    <message>
        <location filename="../persons.py" line="177"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../persons.py" line="178"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../persons.py" line="179"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../persons.py" line="180"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../persons.py" line="181"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../persons.py" line="182"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="183"/>
        <source>Submitted by</source>
        <translation>مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../persons.py" line="185"/>
        <source>Submitter&apos;s contact</source>
        <translation>وسيلة التواصل مع مقدّم البلاغ</translation>
    </message>
    <message>
        <location filename="../persons.py" line="188"/>
        <source>Contact details can be entered only by users permitted to see them.</source>
        <translation>لا يُدخل بيانات التواصل إلا المستخدمون المأذون لهم برؤيتها.</translation>
    </message>
    <message>
        <location filename="../persons.py" line="195"/>
        <source>Add photos…</source>
        <translation>إضافة صور…</translation>
    </message>
    <message>
        <location filename="../persons.py" line="198"/>
        <source>Photos from the family (drop files here)</source>
        <translation>صور من العائلة (أفلت الملفات هنا)</translation>
    </message>
    <message>
        <location filename="../persons.py" line="207"/>
        <source>Faces found in these photos</source>
        <translation>الوجوه التي وُجدت في هذه الصور</translation>
    </message>
    <message>
        <location filename="../persons.py" line="230"/>
        <source>Photos from the family</source>
        <translation>صور من العائلة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="231"/>
        <source>Images (%1)</source>
        <translation>صور (%1)</translation>
    </message>
    <message>
        <location filename="../persons.py" line="244"/>
        <source>Looking for faces…</source>
        <translation>جارٍ البحث عن الوجوه…</translation>
    </message>
    <message>
        <location filename="../persons.py" line="258"/>
        <source>%1 cannot be used: %2</source>
        <translation>لا يمكن استخدام %1: %2</translation>
    </message>
    <message>
        <location filename="../persons.py" line="263"/>
        <source>other face</source>
        <translation>وجه آخر</translation>
    </message>
    <message numerus="yes">
        <location filename="../persons.py" line="266"/>
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
        <location filename="../persons.py" line="267"/>
        <source>No face found yet: the record can still be saved, and a face can be marked later.</source>
        <translation>لم يُعثر على وجه بعد: يمكن حفظ السجل مع ذلك، وتحديد الوجه لاحقاً.</translation>
    </message>
    <message>
        <location filename="../persons.py" line="289"/>
        <source>Enter a name in Arabic or in Latin letters.</source>
        <translation>أدخل اسماً بالعربية أو بالحروف اللاتينية.</translation>
    </message>
    <message>
        <location filename="../persons.py" line="293"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../persons.py" line="309"/>
        <source>Saved as record %1, but %2 of %3 photos could not be filed: %4</source>
        <translation>حُفظ في السجل %1، لكن تعذّر حفظ %2 من %3 صور: %4</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../persons.py" line="80"/>
        <source>Label</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../persons.py" line="80"/>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <location filename="../persons.py" line="80"/>
        <source>Name (Latin)</source>
        <translation>الاسم (باللاتينية)</translation>
    </message>
    <message>
        <location filename="../persons.py" line="81"/>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../persons.py" line="81"/>
        <source>Born</source>
        <translation>الولادة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="81"/>
        <source>Photos</source>
        <translation>الصور</translation>
    </message>
    <message>
        <location filename="../persons.py" line="81"/>
        <source>Faces</source>
        <translation>الوجوه</translation>
    </message>
</context>
<context>
    <name>PersonsView</name>
    <message>
        <location filename="../persons.py" line="346"/>
        <source>Type a name in Arabic or Latin letters…</source>
        <translation>اكتب اسماً بالعربية أو بالحروف اللاتينية…</translation>
    </message>
    <message>
        <location filename="../persons.py" line="350"/>
        <source>New missing person…</source>
        <translation>مفقود جديد…</translation>
    </message>
    <message>
        <location filename="../persons.py" line="354"/>
        <source>Search the post-mortem photos</source>
        <translation>البحث في صور ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="371"/>
        <source>Show submitter and contact</source>
        <translation>إظهار مقدّم البلاغ ووسيلة التواصل</translation>
    </message>
    <message>
        <location filename="../persons.py" line="373"/>
        <source>Each viewing is recorded in the audit log.</source>
        <translation>تُسجَّل كل مشاهدة في سجل التدقيق.</translation>
    </message>
    <message>
        <location filename="../persons.py" line="381"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../persons.py" line="390"/>
        <source>Missing persons</source>
        <translation>المفقودون</translation>
    </message>
    <message>
        <location filename="../persons.py" line="420"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../persons.py" line="458"/>
        <source>Submitter: %1; contact: %2</source>
        <translation>مقدّم البلاغ: %1؛ التواصل: %2</translation>
    </message>
    <message>
        <location filename="../persons.py" line="460"/>
        <source>No submitter recorded.</source>
        <translation>لم يُسجَّل مقدّم بلاغ.</translation>
    </message>
    <message>
        <location filename="../persons.py" line="471"/>
        <source>Name in Arabic</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <location filename="../persons.py" line="472"/>
        <source>Name in Latin letters</source>
        <translation>الاسم بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../persons.py" line="473"/>
        <source>Born</source>
        <translation>الولادة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="473"/>
        <source>Place of origin</source>
        <translation>مكان المنشأ</translation>
    </message>
    <message>
        <location filename="../persons.py" line="474"/>
        <source>Physical description</source>
        <translation>الوصف الجسدي</translation>
    </message>
    <message>
        <location filename="../persons.py" line="475"/>
        <source>Date of arrest</source>
        <translation>تاريخ الاعتقال</translation>
    </message>
    <message>
        <location filename="../persons.py" line="476"/>
        <source>Place of arrest</source>
        <translation>مكان الاعتقال</translation>
    </message>
    <message>
        <location filename="../persons.py" line="477"/>
        <source>Arresting branch</source>
        <translation>الفرع الذي اعتقله</translation>
    </message>
    <message>
        <location filename="../persons.py" line="478"/>
        <source>Marks known to the family</source>
        <translation>علامات تعرفها العائلة</translation>
    </message>
    <message>
        <location filename="../persons.py" line="481"/>
        <source>Photos: %1</source>
        <translation>الصور: %1</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <location filename="../body_page.py" line="88"/>
        <source>No photo chosen</source>
        <translation>لم تُختر صورة</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="89"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../body_page.py" line="97"/>
        <source>Blurred. Click to show the photo.</source>
        <translation>الصورة مموّهة. انقر لإظهارها.</translation>
    </message>
</context>
<context>
    <name>PostMortemView</name>
    <message>
        <location filename="../postmortem.py" line="140"/>
        <source>Filter Bodies by label…</source>
        <translation>تصفية الجثامين حسب المعرّف…</translation>
    </message>
    <message>
        <location filename="../postmortem.py" line="143"/>
        <source>Import post-mortem photos…</source>
        <translation>استيراد صور ما بعد الوفاة…</translation>
    </message>
    <message>
        <location filename="../postmortem.py" line="159"/>
        <source>Collections</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <location filename="../postmortem.py" line="167"/>
        <source>Post-mortem</source>
        <translation>ما بعد الوفاة</translation>
    </message>
    <message>
        <location filename="../postmortem.py" line="205"/>
        <source>All collections</source>
        <translation>كل المجموعات</translation>
    </message>
    <message numerus="yes">
        <location filename="../postmortem.py" line="229"/>
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
    <name>ReviewPlaceholder</name>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="68"/>
        <source>The side-by-side review of candidates comes in a later version. Until then, candidates stay queued.</source>
        <translation>تأتي مراجعة المرشحين جنباً إلى جنب في إصدار لاحق. وحتى ذلك الحين يبقى المرشحون في الانتظار.</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <location filename="../start.py" line="63"/>
        <source>Athar — open a workspace</source>
        <translation>أثر — فتح مساحة عمل</translation>
    </message>
    <message>
        <location filename="../start.py" line="74"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../start.py" line="89"/>
        <source>Recent workspaces</source>
        <translation>مساحات العمل الأخيرة</translation>
    </message>
    <message>
        <location filename="../start.py" line="96"/>
        <source>A new workspace is an encrypted folder. Choose a long passphrase: it cannot be recovered. The user below becomes its first supervisor.</source>
        <translation>مساحة العمل الجديدة مجلد مشفّر. اختر عبارة مرور طويلة: لا يمكن استرجاعها. يصبح المستخدم أدناه أول مشرف عليها.</translation>
    </message>
    <message>
        <location filename="../start.py" line="98"/>
        <source>Repeat the passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <location filename="../start.py" line="99"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../start.py" line="100"/>
        <source>Create new</source>
        <translation>إنشاء جديدة</translation>
    </message>
    <message>
        <location filename="../start.py" line="108"/>
        <location filename="../start.py" line="145"/>
        <source>Workspace folder</source>
        <translation>مجلد مساحة العمل</translation>
    </message>
    <message>
        <location filename="../start.py" line="109"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../start.py" line="110"/>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../start.py" line="111"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../start.py" line="112"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../start.py" line="116"/>
        <location filename="../start.py" line="137"/>
        <source>Unlock and open</source>
        <translation>فتح القفل والدخول</translation>
    </message>
    <message>
        <location filename="../start.py" line="136"/>
        <source>Create and open</source>
        <translation>إنشاء والدخول</translation>
    </message>
    <message>
        <location filename="../start.py" line="154"/>
        <source>Choose a workspace folder.</source>
        <translation>اختر مجلد مساحة العمل.</translation>
    </message>
    <message>
        <location filename="../start.py" line="157"/>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <location filename="../start.py" line="162"/>
        <source>Creating the workspace…</source>
        <translation>جارٍ إنشاء مساحة العمل…</translation>
    </message>
    <message>
        <location filename="../start.py" line="163"/>
        <source>Unlocking…</source>
        <translation>جارٍ فتح القفل…</translation>
    </message>
</context>
</TS>
