<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>About</name>
    <message>
        <source>About Korrektur</source>
        <translation>Om Korrektur</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Korrektur %1&lt;/h3&gt;&lt;p&gt;Review and correct OCR&apos;d Swedish reports: the raw text and the suggested correction side by side, every decision recorded.&lt;/p&gt;&lt;p&gt;MIT licence. Built with Qt for Python (LGPL-3.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Korrektur %1&lt;/h3&gt;&lt;p&gt;Granska och rätta OCR-lästa svenska rapporter: råtexten och den föreslagna rättelsen sida vid sida, varje beslut sparat.&lt;/p&gt;&lt;p&gt;MIT-licens. Byggt med Qt for Python (LGPL-3.0).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>Open an OCR text file for review</source>
        <translation>Öppna en OCR-textfil för granskning</translation>
    </message>
    <message>
        <source>Open &amp;corpus…</source>
        <translation>Öppna &amp;korpus…</translation>
    </message>
    <message>
        <source>Open a corpus project folder</source>
        <translation>Öppna en korpusprojektmapp</translation>
    </message>
    <message>
        <source>&amp;Save review</source>
        <translation>&amp;Spara granskning</translation>
    </message>
    <message>
        <source>Save the decisions as a review file</source>
        <translation>Spara besluten som en granskningsfil</translation>
    </message>
    <message>
        <source>Save review &amp;as…</source>
        <translation>Spara granskning &amp;som…</translation>
    </message>
    <message>
        <source>Save the review file under another name or folder</source>
        <translation>Spara granskningsfilen med ett annat namn eller i en annan mapp</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportera…</translation>
    </message>
    <message>
        <source>Write the reviewed text in another format</source>
        <translation>Skriv den granskade texten i ett annat format</translation>
    </message>
    <message>
        <source>&amp;Version history…</source>
        <translation>&amp;Versionshistorik…</translation>
    </message>
    <message>
        <source>Earlier saved versions of this review</source>
        <translation>Tidigare sparade versioner av granskningen</translation>
    </message>
    <message>
        <source>Analyse &amp;again</source>
        <translation>Analysera &amp;igen</translation>
    </message>
    <message>
        <source>Run the analysis again: new suggestions are added, decisions kept</source>
        <translation>Kör analysen igen: nya förslag läggs till, besluten behålls</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Avbryt analysen</translation>
    </message>
    <message>
        <source>Stop the running analysis; the text stays open</source>
        <translation>Stoppa analysen; texten förblir öppen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;vsluta</translation>
    </message>
    <message>
        <source>Close Korrektur</source>
        <translation>Stäng Korrektur</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>Take back the last decision or edit</source>
        <translation>Ta tillbaka det senaste beslutet eller den senaste ändringen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Do the undone step again</source>
        <translation>Gör det ångrade steget igen</translation>
    </message>
    <message>
        <source>&amp;Find in suggestions</source>
        <translation>&amp;Sök bland förslagen</translation>
    </message>
    <message>
        <source>Search the suggestion list</source>
        <translation>Sök i förslagslistan</translation>
    </message>
    <message>
        <source>&amp;Next pending</source>
        <translation>&amp;Nästa obeslutade</translation>
    </message>
    <message>
        <source>Go to the next pending suggestion in the list</source>
        <translation>Gå till nästa obeslutade förslag i listan</translation>
    </message>
    <message>
        <source>&amp;Previous pending</source>
        <translation>&amp;Föregående obeslutade</translation>
    </message>
    <message>
        <source>Go to the previous pending suggestion in the list</source>
        <translation>Gå till föregående obeslutade förslag i listan</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Godta</translation>
    </message>
    <message>
        <source>Use the suggested correction and go on</source>
        <translation>Använd den föreslagna rättelsen och gå vidare</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Avvisa</translation>
    </message>
    <message>
        <source>Keep the raw text and go on</source>
        <translation>Behåll råtexten och gå vidare</translation>
    </message>
    <message>
        <source>&amp;Edit suggestion…</source>
        <translation>&amp;Redigera förslaget…</translation>
    </message>
    <message>
        <source>Type your own correction of this suggestion in place (Esc cancels)</source>
        <translation>Skriv en egen rättelse av förslaget på plats (Esc avbryter)</translation>
    </message>
    <message>
        <source>Edit &amp;text</source>
        <translation>Redigera &amp;text</translation>
    </message>
    <message>
        <source>Type in the corrected text at the cursor; Esc returns to reviewing</source>
        <translation>Skriv i den rättade texten vid markören; Esc återgår till granskning</translation>
    </message>
    <message>
        <source>Accept all &amp;identical</source>
        <translation>Godta alla &amp;likadana</translation>
    </message>
    <message>
        <source>Accept every pending suggestion with this same correction</source>
        <translation>Godta alla obeslutade förslag med samma rättelse</translation>
    </message>
    <message>
        <source>Accept &amp;visible</source>
        <translation>Godta &amp;synliga</translation>
    </message>
    <message>
        <source>Accept the pending suggestions in the filtered list from the chosen confidence up</source>
        <translation>Godta de obeslutade förslagen i den filtrerade listan från vald säkerhet och uppåt</translation>
    </message>
    <message>
        <source>Alternative &amp;%1</source>
        <translation>Alternativ &amp;%1</translation>
    </message>
    <message>
        <source>Use alternative %1 of the current suggestion</source>
        <translation>Använd alternativ %1 för det aktuella förslaget</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zooma &amp;in</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Större text</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zooma &amp;ut</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Normal storlek</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>Text i normal storlek</translation>
    </message>
    <message>
        <source>Show &amp;proposals</source>
        <translation>Visa &amp;förslag</translation>
    </message>
    <message>
        <source>Undecided suggestions in the corrected text: the proposed correction (checked) or the OCR text, as an export keeps it by default</source>
        <translation>Obeslutade förslag i den rättade texten: den föreslagna rättelsen (markerat) eller OCR-texten, som en export behåller den som standard</translation>
    </message>
    <message>
        <source>Show &amp;removed lines</source>
        <translation>Visa &amp;borttagna rader</translation>
    </message>
    <message>
        <source>Lines a fix removes (page headers, footers) stay visible, struck through; unchecked, they are folded away</source>
        <translation>Rader som en rättelse tar bort (sidhuvuden, sidfötter) syns genomstrukna; utan bock viks de undan</translation>
    </message>
    <message>
        <source>&amp;Wrap long lines</source>
        <translation>&amp;Radbryt långa rader</translation>
    </message>
    <message>
        <source>Wrap lines at the pane&apos;s edge</source>
        <translation>Bryt raderna vid rutans kant</translation>
    </message>
    <message>
        <source>&amp;Synchronise scrolling</source>
        <translation>&amp;Synkronisera rullning</translation>
    </message>
    <message>
        <source>Scroll both panes together</source>
        <translation>Rulla båda rutorna tillsammans</translation>
    </message>
    <message>
        <source>&amp;System colours</source>
        <translation>&amp;Systemets färger</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark mode</source>
        <translation>Följ skrivbordets ljusa eller mörka läge</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Ljust</translation>
    </message>
    <message>
        <source>Light colours</source>
        <translation>Ljusa färger</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Mörkt</translation>
    </message>
    <message>
        <source>Dark colours</source>
        <translation>Mörka färger</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemets språk</translation>
    </message>
    <message>
        <source>Use the desktop&apos;s language</source>
        <translation>Använd skrivbordets språk</translation>
    </message>
    <message>
        <source>Use English</source>
        <translation>Använd engelska</translation>
    </message>
    <message>
        <source>Use Swedish</source>
        <translation>Använd svenska</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <source>All keys at a glance</source>
        <translation>Alla tangenter i en översikt</translation>
    </message>
    <message>
        <source>&amp;About Korrektur</source>
        <translation>&amp;Om Korrektur</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version och licens</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Granska</translation>
    </message>
    <message>
        <source>Choose &amp;alternative</source>
        <translation>Välj &amp;alternativ</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Färger</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>&amp;Öppna dokumentet</translation>
    </message>
    <message>
        <source>Review the chosen document in the review window</source>
        <translation>Granska det valda dokumentet i granskningsfönstret</translation>
    </message>
    <message>
        <source>&amp;Next document with pending suggestions</source>
        <translation>&amp;Nästa dokument med obeslutade förslag</translation>
    </message>
    <message>
        <source>Open the next document in the table that still has suggestions to decide</source>
        <translation>Öppna nästa dokument i tabellen som har förslag kvar att besluta om</translation>
    </message>
    <message>
        <source>&amp;Previous document with pending suggestions</source>
        <translation>&amp;Föregående dokument med obeslutade förslag</translation>
    </message>
    <message>
        <source>Open the previous document in the table that still has suggestions to decide</source>
        <translation>Öppna föregående dokument i tabellen som har förslag kvar att besluta om</translation>
    </message>
    <message>
        <source>&amp;Analyse new documents</source>
        <translation>&amp;Analysera nya dokument</translation>
    </message>
    <message>
        <source>Analyse the new and changed documents in the background</source>
        <translation>Analysera de nya och ändrade dokumenten i bakgrunden</translation>
    </message>
    <message>
        <source>Stop the analysis after the documents under way (they are kept)</source>
        <translation>Avbryt analysen efter de dokument som pågår (de behålls)</translation>
    </message>
    <message>
        <source>C&amp;lose corpus</source>
        <translation>S&amp;täng korpusen</translation>
    </message>
    <message>
        <source>Close the corpus window</source>
        <translation>Stäng korpusfönstret</translation>
    </message>
    <message>
        <source>Take back the last corpus-wide decision</source>
        <translation>Ta tillbaka det senaste korpusbeslutet</translation>
    </message>
    <message>
        <source>&amp;Filter documents</source>
        <translation>&amp;Filtrera dokument</translation>
    </message>
    <message>
        <source>Show only the documents whose name holds a text</source>
        <translation>Visa bara dokumenten vars namn innehåller en text</translation>
    </message>
    <message>
        <source>&amp;Search the corpus</source>
        <translation>&amp;Sök i korpusen</translation>
    </message>
    <message>
        <source>Every occurrence of a word, or of a correction (for → för)</source>
        <translation>Varje förekomst av ett ord eller en rättelse (for → för)</translation>
    </message>
    <message>
        <source>&amp;Accept selected</source>
        <translation>&amp;Godta markerade</translation>
    </message>
    <message>
        <source>Accept the pending suggestions of the chosen lines</source>
        <translation>Godta de obeslutade förslagen på de valda raderna</translation>
    </message>
    <message>
        <source>&amp;Reject selected</source>
        <translation>&amp;Avvisa markerade</translation>
    </message>
    <message>
        <source>Reject the pending suggestions of the chosen lines</source>
        <translation>Avvisa de obeslutade förslagen på de valda raderna</translation>
    </message>
    <message>
        <source>Accept a&amp;ll</source>
        <translation>Godta a&amp;lla</translation>
    </message>
    <message>
        <source>Accept every pending suggestion found (a correction: in documents analysed later too)</source>
        <translation>Godta varje obeslutat förslag som hittats (en rättelse: även i dokument som analyseras senare)</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>Avvisa alla</translation>
    </message>
    <message>
        <source>Reject every pending suggestion found (a correction: in documents analysed later too)</source>
        <translation>Avvisa varje obeslutat förslag som hittats (en rättelse: även i dokument som analyseras senare)</translation>
    </message>
    <message>
        <source>Show in &amp;document</source>
        <translation>Visa i &amp;dokumentet</translation>
    </message>
    <message>
        <source>Open the occurrence&apos;s document at its place</source>
        <translation>Öppna förekomstens dokument där den står</translation>
    </message>
    <message>
        <source>&amp;Withdraw rule</source>
        <translation>&amp;Dra tillbaka regeln</translation>
    </message>
    <message>
        <source>Put the decisions of the chosen rule back to pending, where they are still its</source>
        <translation>Gör den valda regelns beslut obeslutade igen, där de fortfarande är regelns</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>Nästa dokument</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>Föregående dokument</translation>
    </message>
    <message>
        <source>Analyse new</source>
        <translation>Analysera nya</translation>
    </message>
    <message>
        <source>&amp;Corpus</source>
        <translation>&amp;Korpus</translation>
    </message>
    <message>
        <source>C&amp;oncordance</source>
        <translation>K&amp;onkordans</translation>
    </message>
</context>
<context>
    <name>AnalysisJob</name>
    <message>
        <source>{error}
Move or repair the review file to open {name}; it was left as it is.</source>
        <translation>{error}
Flytta eller laga granskningsfilen för att öppna {name}; den har lämnats orörd.</translation>
    </message>
    <message>
        <source>The analysis of {name} failed: {error}</source>
        <translation>Analysen av {name} misslyckades: {error}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Accept</source>
        <translation>Godta</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <source>Choose alternative %n</source>
        <translation>Välj alternativ %n</translation>
    </message>
    <message>
        <source>typing</source>
        <translation>skrivning</translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Sida</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Ord</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1, page %2, line %3</source>
        <translation>%1, sida %2, rad %3</translation>
    </message>
</context>
<context>
    <name>ConcordancePane</name>
    <message>
        <source>%1 occurrences in %2 documents, %3 pending</source>
        <translation>%1 förekomster i %2 dokument, %3 obeslutade</translation>
    </message>
    <message>
        <source>Search the corpus: a word, or a correction such as for → för (Ctrl+F)</source>
        <translation>Sök i korpusen: ett ord, eller en rättelse som for → för (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter searches and goes to the occurrences; Esc returns to reviewing</source>
        <translation>Enter söker och går till förekomsterna; Esc återgår till granskning</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Skiftlägeskänslig</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Förekomster</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regler</translation>
    </message>
    <message>
        <source>Learned</source>
        <translation>Inlärt</translation>
    </message>
    <message>
        <source>What the corpus learns from your decisions is listed here.</source>
        <translation>Det korpusen lär sig av dina beslut visas här.</translation>
    </message>
</context>
<context>
    <name>CorpusCommand</name>
    <message>
        <source>accept %1 × %2</source>
        <translation>godta %1 × %2</translation>
    </message>
    <message>
        <source>accept every %2</source>
        <translation>godta varje %2</translation>
    </message>
    <message>
        <source>accept %1 suggestions (%3 corrections)</source>
        <translation>godta %1 förslag (%3 rättelser)</translation>
    </message>
    <message>
        <source>reject %1 × %2</source>
        <translation>avvisa %1 × %2</translation>
    </message>
    <message>
        <source>reject every %2</source>
        <translation>avvisa varje %2</translation>
    </message>
    <message>
        <source>reject %1 suggestions (%3 corrections)</source>
        <translation>avvisa %1 förslag (%3 rättelser)</translation>
    </message>
    <message>
        <source>in 1 document</source>
        <translation>i 1 dokument</translation>
    </message>
    <message>
        <source>in %1 documents</source>
        <translation>i %1 dokument</translation>
    </message>
    <message>
        <source>Accepted %1 × %2 %3</source>
        <translation>Godtog %1 × %2 %3</translation>
    </message>
    <message>
        <source>Rejected %1 × %2 %3</source>
        <translation>Avvisade %1 × %2 %3</translation>
    </message>
    <message>
        <source>Accepted %1 suggestions (%4 corrections) %3</source>
        <translation>Godtog %1 förslag (%4 rättelser) %3</translation>
    </message>
    <message>
        <source>Rejected %1 suggestions (%4 corrections) %3</source>
        <translation>Avvisade %1 förslag (%4 rättelser) %3</translation>
    </message>
    <message>
        <source>; documents analysed later get it too</source>
        <translation>; dokument som analyseras senare får det också</translation>
    </message>
    <message>
        <source>withdraw %1</source>
        <translation>dra tillbaka %1</translation>
    </message>
    <message>
        <source>%1 decisions back to pending %2</source>
        <translation>%1 beslut obeslutade igen %2</translation>
    </message>
    <message>
        <source>%1 decisions made again %2</source>
        <translation>%1 beslut fattade igen %2</translation>
    </message>
    <message>
        <source>Undone: %1 — %2</source>
        <translation>Ångrat: %1 — %2</translation>
    </message>
    <message>
        <source>Redone: %1 — %2</source>
        <translation>Gjort om: %1 — %2</translation>
    </message>
    <message>
        <source>Done: %1 — %2</source>
        <translation>Klart: %1 — %2</translation>
    </message>
</context>
<context>
    <name>CorpusDecisions</name>
    <message>
        <source>Your name, recorded with your corpus-wide decisions:</source>
        <translation>Ditt namn, som sparas med dina korpusbeslut:</translation>
    </message>
    <message>
        <source>Nothing pending to decide among these occurrences</source>
        <translation>Inget obeslutat att besluta om bland dessa förekomster</translation>
    </message>
    <message>
        <source>Rule %1 is withdrawn already</source>
        <translation>Regel %1 är redan tillbakadragen</translation>
    </message>
    <message>
        <source>Another program writes to this project; decide when it is done.</source>
        <translation>Ett annat program skriver till projektet; besluta när det är klart.</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Ångrar…</translation>
    </message>
    <message>
        <source>Deciding…</source>
        <translation>Beslutar…</translation>
    </message>
</context>
<context>
    <name>CorpusLearning</name>
    <message>
        <source>Learned from %1 documents: %2 decisions, %3 words reviewed (state %4).</source>
        <translation>Inlärt från %1 dokument: %2 beslut, %3 granskade ord (tillstånd %4).</translation>
    </message>
    <message>
        <source>Kept in %1: edit it to correct what was learned; your edits are kept.</source>
        <translation>Sparas i %1: redigera filen för att rätta det inlärda; dina ändringar behålls.</translation>
    </message>
    <message>
        <source>Words of this corpus (%1):</source>
        <translation>Korpusens ord (%1):</translation>
    </message>
    <message>
        <source>Corrections (%1):</source>
        <translation>Rättelser (%1):</translation>
    </message>
    <message>
        <source>%1 accepted, %2 rejected, confidence %3</source>
        <translation>%1 godtagna, %2 avvisade, säkerhet %3</translation>
    </message>
    <message>
        <source>%1 accepted, none rejected: shown at least %2</source>
        <translation>%1 godtagna, ingen avvisad: säkerhet minst %2</translation>
    </message>
    <message>
        <source>Ranges of numbers: %1 hyphens made en dashes, %2 left as printed</source>
        <translation>Talintervall: %1 bindestreck gjorda till tankstreck, %2 lämnade som de trycktes</translation>
    </message>
    <message>
        <source>; the en dash is offered (confidence %1)</source>
        <translation>; tankstrecket föreslås (säkerhet %1)</translation>
    </message>
    <message>
        <source>Confidence, as your decisions bear it out: %1</source>
        <translation>Säkerhet, som dina beslut bekräftar den: %1</translation>
    </message>
    <message>
        <source>%1 suggestions updated from your decisions (%2 changed, %3 withdrawn, %4 new) in %5 of %6 documents</source>
        <translation>%1 förslag uppdaterade utifrån dina beslut (%2 ändrade, %3 borttagna, %4 nya) i %5 av %6 dokument</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>Lär sig…</translation>
    </message>
    <message>
        <source>Updating suggestions…</source>
        <translation>Uppdaterar förslag…</translation>
    </message>
</context>
<context>
    <name>CorpusService</name>
    <message>
        <source>Opening…</source>
        <translation>Öppnar…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
</context>
<context>
    <name>CorpusStatusBar</name>
    <message>
        <source>Analysing %v of %m documents</source>
        <translation>Analyserar %v av %m dokument</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Stop the analysis after the documents under way (they are kept)</source>
        <translation>Avbryt analysen efter de dokument som pågår (de behålls)</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Skrivskyddad</translation>
    </message>
    <message>
        <source>Another program writes to this project: decisions wait until it is done</source>
        <translation>Ett annat program skriver till projektet: besluten får vänta tills det är klart</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 dokument</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 ord</translation>
    </message>
    <message>
        <source>%1 suggestions, %2% decided</source>
        <translation>%1 förslag, %2 % beslutade</translation>
    </message>
    <message>
        <source>about %1 errors left</source>
        <translation>omkring %1 fel kvar</translation>
    </message>
    <message>
        <source>%1 to analyse</source>
        <translation>%1 att analysera</translation>
    </message>
</context>
<context>
    <name>CorpusWindow</name>
    <message>
        <source>Open corpus project</source>
        <translation>Öppna korpusprojekt</translation>
    </message>
    <message>
        <source>Analysis cancelled: %1 documents analysed, the rest wait</source>
        <translation>Analysen avbröts: %1 dokument analyserade, resten väntar</translation>
    </message>
    <message>
        <source>Analysis done: %1 documents analysed</source>
        <translation>Analysen klar: %1 dokument analyserade</translation>
    </message>
    <message>
        <source>; %1 could not be analysed (see the table)</source>
        <translation>; %1 kunde inte analyseras (se tabellen)</translation>
    </message>
    <message>
        <source>No further document with pending suggestions</source>
        <translation>Inga fler dokument med obeslutade förslag</translation>
    </message>
    <message>
        <source>No earlier document with pending suggestions</source>
        <translation>Inget tidigare dokument med obeslutade förslag</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <source>Corpus — Korrektur</source>
        <translation>Korpus — Korrektur</translation>
    </message>
    <message>
        <source>%1 — corpus — Korrektur</source>
        <translation>%1 — korpus — Korrektur</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>Konkordans</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Korpus</translation>
    </message>
</context>
<context>
    <name>Describe</name>
    <message>
        <source>remove running header %1</source>
        <translation>ta bort löpande sidhuvud %1</translation>
    </message>
    <message>
        <source>remove running footer %1</source>
        <translation>ta bort löpande sidfot %1</translation>
    </message>
    <message>
        <source>remove page number %1</source>
        <translation>ta bort sidnummer %1</translation>
    </message>
    <message>
        <source>remove letterhead line %1</source>
        <translation>ta bort rad i brevhuvudet %1</translation>
    </message>
    <message>
        <source>remove line %1</source>
        <translation>ta bort raden %1</translation>
    </message>
    <message>
        <source>join lines</source>
        <translation>sammanfoga rader</translation>
    </message>
    <message>
        <source>join lines across a blank line</source>
        <translation>sammanfoga rader över en tom rad</translation>
    </message>
    <message>
        <source>new paragraph</source>
        <translation>nytt stycke</translation>
    </message>
    <message>
        <source>remove a blank line</source>
        <translation>ta bort en tom rad</translation>
    </message>
    <message>
        <source>spaces at a line break</source>
        <translation>mellanslag vid en radbrytning</translation>
    </message>
    <message>
        <source>join the hyphenated word</source>
        <translation>sammanfoga det avstavade ordet</translation>
    </message>
    <message>
        <source>join lines after the hyphen</source>
        <translation>sammanfoga raderna efter bindestrecket</translation>
    </message>
    <message>
        <source>join lines, keep the hyphen</source>
        <translation>sammanfoga raderna, behåll bindestrecket</translation>
    </message>
    <message>
        <source>remove speck %1</source>
        <translation>ta bort fläcken %1</translation>
    </message>
    <message>
        <source>one space instead of several</source>
        <translation>ett mellanslag i stället för flera</translation>
    </message>
    <message>
        <source>remove blank space</source>
        <translation>ta bort tomrum</translation>
    </message>
    <message>
        <source>add a list bullet</source>
        <translation>lägg till en listpunkt</translation>
    </message>
    <message>
        <source>make %1 a list bullet</source>
        <translation>gör %1 till en listpunkt</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>No suggestion selected.</source>
        <translation>Inget förslag är valt.</translation>
    </message>
</context>
<context>
    <name>DialogMessages</name>
    <message>
        <source>Korrektur</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Unsaved decisions</source>
        <translation>Osparade beslut</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sidor</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Ord</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Förslag</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Beslutat</translation>
    </message>
    <message>
        <source>Errors left</source>
        <translation>Fel kvar</translation>
    </message>
    <message>
        <source>Last reviewer</source>
        <translation>Senaste granskare</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Suggestions in all (pending in brackets)</source>
        <translation>Förslag totalt (obeslutade inom parentes)</translation>
    </message>
    <message>
        <source>Share of suggestions decided</source>
        <translation>Andel av förslagen som är beslutade</translation>
    </message>
    <message>
        <source>Word errors expected still in the text: pending suggestions by their confidence, plus those no suggestion points at</source>
        <translation>Ordfel som väntas finnas kvar i texten: obeslutade förslag efter sin säkerhet, plus de som inget förslag pekar på</translation>
    </message>
    <message>
        <source>Whether the source changed since its analysis</source>
        <translation>Om källan har ändrats sedan den analyserades</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ändrad</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>Analysed by another Korrektur or lexicon: analysing again adds suggestions</source>
        <translation>Analyserat av en annan Korrektur eller ett annat lexikon: en ny analys lägger till förslag</translation>
    </message>
</context>
<context>
    <name>DocumentsPane</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 av %2 visas</translation>
    </message>
    <message>
        <source>Filter documents by name (Ctrl+L)</source>
        <translation>Filtrera dokument efter namn (Ctrl+L)</translation>
    </message>
    <message>
        <source>Which documents the table shows</source>
        <translation>Vilka dokument tabellen visar</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokument</translation>
    </message>
</context>
<context>
    <name>EditMode</name>
    <message>
        <source>No suggestion is selected.</source>
        <translation>Inget förslag är valt.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export review</source>
        <translation>Exportera granskning</translation>
    </message>
    <message>
        <source>keep the OCR text (only decisions count)</source>
        <translation>behåll OCR-texten (bara beslut räknas)</translation>
    </message>
    <message>
        <source>apply the proposals, marked as unreviewed</source>
        <translation>använd förslagen, märkta som ogranskade</translation>
    </message>
    <message>
        <source>What the export contains where no one has decided a suggestion yet. Keeping the OCR text never passes an unchecked guess off as a correction.</source>
        <translation>Vad exporten innehåller där ingen har beslutat om ett förslag än. Att behålla OCR-texten gör aldrig en okontrollerad gissning till en rättelse.</translation>
    </message>
    <message>
        <source>Keep the lines of the source (word fixes only)</source>
        <translation>Behåll källans rader (bara ordrättelser)</translation>
    </message>
    <message>
        <source>current work</source>
        <translation>nuvarande arbete</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) not decided yet.</source>
        <translation>
            <numerusform>%n förslag är inte beslutat än.</numerusform>
            <numerusform>%n förslag är inte beslutade än.</numerusform>
        </translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Undecided:</source>
        <translation>Obeslutade:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
</context>
<context>
    <name>ExportNames</name>
    <message>
        <source>corrected</source>
        <translation>korrigerad</translation>
    </message>
    <message>
        <source>review</source>
        <translation>granskning</translation>
    </message>
    <message>
        <source>decisions</source>
        <translation>beslut</translation>
    </message>
    <message>
        <source>report</source>
        <translation>granskningsrapport</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>(delete)</source>
        <translation>(ta bort)</translation>
    </message>
    <message>
        <source>page {page}/{pages} · line {line}</source>
        <translation>sida {page}/{pages} · rad {line}</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>säkerhet</translation>
    </message>
    <message>
        <source>Your text:</source>
        <translation>Din text:</translation>
    </message>
    <message>
        <source>Other corrections:</source>
        <translation>Andra rättelser:</translation>
    </message>
    <message>
        <source>R keeps the OCR text %1.</source>
        <translation>R behåller OCR-texten %1.</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Enter: use this text · Escape: cancel · ⏎ stands for a line break</source>
        <translation>Enter: använd texten · Escape: avbryt · ⏎ står för radbrytning</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>unexpected error: {error}</source>
        <translation>oväntat fel: {error}</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>diacritic</source>
        <translation>diakrit</translation>
    </message>
    <message>
        <source>hyphenation</source>
        <translation>avstavning</translation>
    </message>
    <message>
        <source>ocr</source>
        <translation>OCR-fel</translation>
    </message>
    <message>
        <source>page-furniture</source>
        <translation>sidhuvud/-fot</translation>
    </message>
    <message>
        <source>bullet</source>
        <translation>punkt</translation>
    </message>
    <message>
        <source>reflow</source>
        <translation>radflöde</translation>
    </message>
    <message>
        <source>whitespace</source>
        <translation>blanksteg</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Korrektur</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>p%1</source>
        <comment>page label in the gutter</comment>
        <translation>s%1</translation>
    </message>
    <message>
        <source>Raw OCR text (read-only)</source>
        <translation>OCR-råtext (skrivskyddad)</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Förslag</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granska</translation>
    </message>
    <message>
        <source>%1[*] — Korrektur</source>
        <translation>%1[*] — Korrektur</translation>
    </message>
    <message>
        <source>The corrected text appears here when the analysis is done.</source>
        <translation>Den rättade texten visas här när analysen är klar.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to review.</source>
        <translation>
            <numerusform>%n förslag att granska.</numerusform>
            <numerusform>%n förslag att granska.</numerusform>
        </translation>
    </message>
    <message>
        <source>Page image</source>
        <translation>Sidbild</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <source>Corrected text — editing: keys type, Esc returns to review</source>
        <translation>Rättad text — redigering: tangenterna skriver, Esc återgår till granskning</translation>
    </message>
    <message>
        <source>Corrected text (E or F2 to edit)</source>
        <translation>Rättad text (E eller F2 för att redigera)</translation>
    </message>
</context>
<context>
    <name>NoteBar</name>
    <message>
        <source>Open folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>Hide this note</source>
        <translation>Dölj meddelandet</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page image</source>
        <translation>Sidbild</translation>
    </message>
    <message>
        <source>No page images: open a scan (hOCR, ALTO, PAGE XML or PDF).</source>
        <translation>Inga sidbilder: öppna en skanning (hOCR, ALTO, PAGE XML eller PDF).</translation>
    </message>
    <message>
        <source>No page images: this document is plain text.</source>
        <translation>Inga sidbilder: dokumentet är ren text.</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>läser in …</translation>
    </message>
    <message>
        <source>The text review goes on without the picture.</source>
        <translation>Granskningen av texten fortsätter utan bilden.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>one word split by a space</source>
        <translation>ett ord delat av ett mellanslag</translation>
    </message>
    <message>
        <source>a space read as &apos;{text}&apos;</source>
        <translation>ett mellanslag läst som &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>a space lost</source>
        <translation>ett mellanslag har fallit bort</translation>
    </message>
    <message>
        <source>the document&apos;s other spellings of the word agree on &apos;{word}&apos;</source>
        <translation>dokumentets andra stavningar av ordet är eniga om &apos;{word}&apos;</translation>
    </message>
    <message>
        <source>context ({evidence}) prefers &apos;{word}&apos;</source>
        <translation>sammanhanget ({evidence}) talar för &apos;{word}&apos;</translation>
    </message>
    <message>
        <source>&apos;{word}&apos;</source>
        <translation>&apos;{word}&apos;</translation>
    </message>
    <message>
        <source>a sentence boundary</source>
        <translation>en meningsgräns</translation>
    </message>
    <message>
        <source>a comma</source>
        <translation>ett kommatecken</translation>
    </message>
    <message>
        <source>a bracket or dash</source>
        <translation>en parentes eller ett tankstreck</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>ett tal</translation>
    </message>
    <message>
        <source>{token} just before</source>
        <translation>{token} strax före</translation>
    </message>
    <message>
        <source>{token} just after</source>
        <translation>{token} strax efter</translation>
    </message>
    <message>
        <source>{token} {count} words before</source>
        <translation>{token} {count} ord före</translation>
    </message>
    <message>
        <source>{token} {count} words after</source>
        <translation>{token} {count} ord efter</translation>
    </message>
    <message>
        <source>{first} and {second} just before</source>
        <translation>{first} och {second} strax före</translation>
    </message>
    <message>
        <source>{first} and {second} just after</source>
        <translation>{first} och {second} strax efter</translation>
    </message>
    <message>
        <source>between {first} and {second}</source>
        <translation>mellan {first} och {second}</translation>
    </message>
    <message>
        <source>written in capitals</source>
        <translation>skrivet med versaler</translation>
    </message>
    <message>
        <source>capitalised inside a sentence</source>
        <translation>med versal inne i en mening</translation>
    </message>
    <message>
        <source>a word ending in -{ending} just before</source>
        <translation>ett ord som slutar på -{ending} strax före</translation>
    </message>
    <message>
        <source>a word ending in -{ending} just after</source>
        <translation>ett ord som slutar på -{ending} strax efter</translation>
    </message>
    <message>
        <source>{feature}</source>
        <translation>{feature}</translation>
    </message>
    <message>
        <source>{letter} lost</source>
        <translation>{letter} har fallit bort</translation>
    </message>
    <message>
        <source>{letter} missing</source>
        <translation>{letter} saknas</translation>
    </message>
    <message>
        <source>extra &apos;{text}&apos;</source>
        <translation>extra &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>letters misread</source>
        <translation>feltolkade bokstäver</translation>
    </message>
    <message>
        <source>{letter} read as {text}</source>
        <translation>{letter} läst som {text}</translation>
    </message>
    <message>
        <source>capital letter misread</source>
        <translation>versal feltolkad</translation>
    </message>
    <message>
        <source>capital letter lost</source>
        <translation>versal har fallit bort</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a compound of {parts}</source>
        <translation>&apos;{word}&apos; är en sammansättning av {parts}</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a close known word</source>
        <translation>&apos;{word}&apos; är ett känt ord som ligger nära</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is common</source>
        <translation>&apos;{word}&apos; är vanligt</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a known word</source>
        <translation>&apos;{word}&apos; är ett känt ord</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a valid but rare word</source>
        <translation>&apos;{word}&apos; är ett giltigt men ovanligt ord</translation>
    </message>
    <message>
        <source>context &apos;{around}&apos; prefers &apos;{word}&apos;</source>
        <translation>sammanhanget &apos;{around}&apos; talar för &apos;{word}&apos;</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a word too</source>
        <translation>&apos;{word}&apos; är också ett ord</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is a word too but less likely here</source>
        <translation>&apos;{word}&apos; är också ett ord men mindre troligt här</translation>
    </message>
    <message>
        <source>&apos;{word}&apos; is not a word</source>
        <translation>&apos;{word}&apos; är inget ord</translation>
    </message>
    <message>
        <source>edited by the reviewer</source>
        <translation>redigerat av granskaren</translation>
    </message>
    <message>
        <source>this corpus writes its ranges of numbers with an en dash</source>
        <translation>korpusen skriver sina talintervall med tankstreck</translation>
    </message>
    <message>
        <source>page number</source>
        <translation>sidnummer</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>diarienummer</translation>
    </message>
    <message>
        <source>letterhead contact line</source>
        <translation>kontaktrad i brevhuvudet</translation>
    </message>
    <message>
        <source>running header</source>
        <translation>löpande sidhuvud</translation>
    </message>
    <message>
        <source>running footer</source>
        <translation>löpande sidfot</translation>
    </message>
    <message>
        <source>letterhead line with a {what}</source>
        <translation>rad i brevhuvudet med {what}</translation>
    </message>
    <message>
        <source>at the top of page {page}</source>
        <translation>överst på sida {page}</translation>
    </message>
    <message>
        <source>at the bottom of page {page}</source>
        <translation>nederst på sida {page}</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos;</source>
        <translation>{what} &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; {where}</source>
        <translation>{what} &apos;{text}&apos; {where}</translation>
    </message>
    <message>
        <source>{what} &apos;{text}&apos; repeats {where} and on {repeated} of {compared} other pages</source>
        <translation>{what} &apos;{text}&apos; återkommer {where} och på {repeated} av {compared} andra sidor</translation>
    </message>
    <message>
        <source>short garbage line &apos;{text}&apos; {where} (logo or letterhead)</source>
        <translation>kort skräprad &apos;{text}&apos; {where} (logotyp eller brevhuvud)</translation>
    </message>
    <message>
        <source>a line of symbols only: &apos;{text}&apos;</source>
        <translation>en rad med bara tecken: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>suspended hyphen: {pair} shares its last part with the next word; keep it</source>
        <translation>bindestreck för utelämnad ordled: {pair} delar sista leden med nästa ord; behåll det</translation>
    </message>
    <message>
        <source>hyphen next to a symbol in {pair}; keep it</source>
        <translation>bindestreck intill ett tecken i {pair}; behåll det</translation>
    </message>
    <message>
        <source>hyphen after a code or abbreviation in {pair}; keep it</source>
        <translation>bindestreck efter en kod eller förkortning i {pair}; behåll det</translation>
    </message>
    <message>
        <source>the next part of {pair} has a capital; keep the hyphen</source>
        <translation>nästa del av {pair} börjar med versal; behåll bindestrecket</translation>
    </message>
    <message>
        <source>word split at the line end: {pair} is &apos;{word}&apos;</source>
        <translation>ord avstavat vid radslutet: {pair} är &apos;{word}&apos;</translation>
    </message>
    <message>
        <source>probably a word split at the line end: {pair} → &apos;{word}&apos; (not in the lexicon)</source>
        <translation>troligen ett ord avstavat vid radslutet: {pair} → &apos;{word}&apos; (finns inte i ordlistan)</translation>
    </message>
    <message>
        <source>a list item starts</source>
        <translation>en listpunkt börjar</translation>
    </message>
    <message>
        <source>next list item</source>
        <translation>nästa listpunkt</translation>
    </message>
    <message>
        <source>list bullet {glyph}</source>
        <translation>listpunkt {glyph}</translation>
    </message>
    <message>
        <source>list bullet read by OCR as {glyph}</source>
        <translation>listpunkt som OCR läst som {glyph}</translation>
    </message>
    <message>
        <source>{glyph} starts a line in a list: a list bullet</source>
        <translation>{glyph} inleder en rad i en lista: en listpunkt</translation>
    </message>
    <message>
        <source>{glyph} stands where the list bullets stand</source>
        <translation>{glyph} står där listpunkterna står</translation>
    </message>
    <message>
        <source>{glyph} before a sentence that goes on is a speck</source>
        <translation>{glyph} före en mening som fortsätter är en fläck</translation>
    </message>
    <message>
        <source>{glyph} before a sentence, outside any list: a speck</source>
        <translation>{glyph} före en mening, utanför en lista: en fläck</translation>
    </message>
    <message>
        <source>between two list items: an item whose bullet OCR lost</source>
        <translation>mellan två listpunkter: en punkt vars punkttecken OCR tappat</translation>
    </message>
    <message>
        <source>short paragraph in a run after a colon: a list item whose bullet OCR lost</source>
        <translation>kort stycke i en följd efter ett kolon: en listpunkt vars punkttecken OCR tappat</translation>
    </message>
    <message>
        <source>line of symbols</source>
        <translation>rad med tecken</translation>
    </message>
    <message>
        <source>a line laid out in columns stays a line of its own</source>
        <translation>en rad uppställd i kolumner blir kvar som egen rad</translation>
    </message>
    <message>
        <source>the line ends although the next word would have fitted: new paragraph</source>
        <translation>raden slutar fast nästa ord hade fått plats: nytt stycke</translation>
    </message>
    <message>
        <source>line break inside a paragraph</source>
        <translation>radbrytning inne i ett stycke</translation>
    </message>
    <message>
        <source>the page break</source>
        <translation>sidbrytningen</translation>
    </message>
    <message>
        <source>a blank line</source>
        <translation>en tom rad</translation>
    </message>
    <message>
        <source>the sentence goes on after {where}</source>
        <translation>meningen fortsätter efter {where}</translation>
    </message>
    <message>
        <source>the line is full and has no full stop: the paragraph goes on after {where}</source>
        <translation>raden är full och saknar punkt: stycket fortsätter efter {where}</translation>
    </message>
    <message>
        <source>the line before {where} is full: the paragraph probably goes on</source>
        <translation>raden före {where} är full: stycket fortsätter troligen</translation>
    </message>
    <message>
        <source>new paragraph after {where}</source>
        <translation>nytt stycke efter {where}</translation>
    </message>
    <message>
        <source>spaces around a line break</source>
        <translation>mellanslag kring en radbrytning</translation>
    </message>
    <message>
        <source>several spaces</source>
        <translation>flera mellanslag</translation>
    </message>
    <message>
        <source>several spaces between words</source>
        <translation>flera mellanslag mellan ord</translation>
    </message>
    <message>
        <source>blank space before the text</source>
        <translation>tomrum före texten</translation>
    </message>
    <message>
        <source>blank space after the text</source>
        <translation>tomrum efter texten</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; before the text is an OCR speck</source>
        <translation>&apos;{text}&apos; före texten är en OCR-fläck</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; after the text is an OCR speck</source>
        <translation>&apos;{text}&apos; efter texten är en OCR-fläck</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; between words is an OCR speck</source>
        <translation>&apos;{text}&apos; mellan orden är en OCR-fläck</translation>
    </message>
    <message>
        <source>&apos;‘&apos; stuck to &apos;{text}&apos; is an OCR speck</source>
        <translation>&apos;‘&apos; fast vid &apos;{text}&apos; är en OCR-fläck</translation>
    </message>
    <message>
        <source>underscore stuck to &apos;{text}&apos; is an OCR speck</source>
        <translation>understreck fast vid &apos;{text}&apos; är en OCR-fläck</translation>
    </message>
    <message>
        <source>a second opening quote closes the first</source>
        <translation>ett andra inledande citattecken avslutar det första</translation>
    </message>
    <message>
        <source>a low quote after a word closes a quote</source>
        <translation>ett lågt citattecken efter ett ord avslutar ett citat</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Töm listan</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>Återställ osparat arbete</translation>
    </message>
    <message>
        <source>Korrektur did not close properly last time. This unsaved work was kept:</source>
        <translation>Korrektur avslutades inte ordentligt förra gången. Detta osparade arbete finns kvar:</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Återställ</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Kasta</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Senare</translation>
    </message>
    <message>
        <source>%1: %2 of %3 suggestions decided, autosaved %4</source>
        <translation>%1: %2 av %3 förslag beslutade, autosparad %4</translation>
    </message>
</context>
<context>
    <name>ResumePlaces</name>
    <message>
        <source>Restored %1 decisions (version %2, saved %3)</source>
        <translation>Återställde %1 beslut (version %2, sparad %3)</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>No more pending suggestions in the list.</source>
        <translation>Inga fler obeslutade förslag i listan.</translation>
    </message>
    <message>
        <source>No suggestion is selected.</source>
        <translation>Inget förslag är valt.</translation>
    </message>
    <message>
        <source>accept %1</source>
        <translation>godta %1</translation>
    </message>
    <message>
        <source>reject %1</source>
        <translation>avvisa %1</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>redigera %1</translation>
    </message>
    <message>
        <source>This suggestion has no alternative %1.</source>
        <translation>Förslaget har inget alternativ %1.</translation>
    </message>
    <message>
        <source>accept %1 × %2</source>
        <translation>godta %1 × %2</translation>
    </message>
    <message>
        <source>Done: %1 (Ctrl+Z takes it back).</source>
        <translation>Klart: %1 (Ctrl+Z tar tillbaka det).</translation>
    </message>
    <message>
        <source>Accept %1 suggestions at or above %2?</source>
        <translation>Godta %1 förslag med säkerhet %2 eller mer?</translation>
    </message>
    <message>
        <source>accept %1 suggestions at or above %2</source>
        <translation>godta %1 förslag med säkerhet %2 eller mer</translation>
    </message>
    <message>
        <source>accept %1 suggestions</source>
        <translation>godta %1 förslag</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Ångrat: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Gjort om: %1</translation>
    </message>
    <message>
        <source>No pending suggestion in the list reaches %1.</source>
        <translation>Inget obeslutat förslag i listan når %1.</translation>
    </message>
</context>
<context>
    <name>ReviewDialogs</name>
    <message>
        <source>Exported to %1</source>
        <translation>Exporterad till %1</translation>
    </message>
    <message>
        <source>The export could not be written: %1</source>
        <translation>Exporten kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exporterar %1…</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exportera som</translation>
    </message>
    <message>
        <source>%1 is the report or its review file, which an export never replaces. Choose another name.</source>
        <translation>%1 är rapporten eller dess granskningsfil, som en export aldrig ersätter. Välj ett annat namn.</translation>
    </message>
    <message>
        <source>Delete the unsaved work on %1 for good?</source>
        <translation>Radera det osparade arbetet med %1 för gott?</translation>
    </message>
</context>
<context>
    <name>ReviewStatusBar</name>
    <message>
        <source>The encoding the file was read with</source>
        <translation>Teckenkodningen filen lästes med</translation>
    </message>
    <message>
        <source>Analysing… %p%</source>
        <translation>Analyserar… %p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Stop the analysis (the text stays open)</source>
        <translation>Stoppa analysen (texten förblir öppen)</translation>
    </message>
    <message>
        <source>Editing — Esc returns to review</source>
        <translation>Redigering — Esc återgår till granskning</translation>
    </message>
    <message>
        <source>%1/%2 decided</source>
        <translation>%1/%2 beslutade</translation>
    </message>
    <message>
        <source>Decided, per kind</source>
        <translation>Beslutade, per slag</translation>
    </message>
    <message>
        <source>%1 left in the document</source>
        <translation>%1 kvar i dokumentet</translation>
    </message>
    <message>
        <source>%1 left on this page</source>
        <translation>%1 kvar på sidan</translation>
    </message>
    <message>
        <source>suggestion %1/%2</source>
        <translation>förslag %1/%2</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>accept</source>
        <translation>godta</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>avvisa</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>made %1</source>
        <translation>skapad %1</translation>
    </message>
    <message>
        <source>every occurrence, later documents too</source>
        <translation>varje förekomst, även i senare dokument</translation>
    </message>
    <message>
        <source>the chosen occurrences</source>
        <translation>de valda förekomsterna</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>gäller</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>tillbakadragen %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meny</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>Review keys decide; they never type. Keys type only in edit mode (E on a suggestion, F2 or a double-click in the corrected text), shown by an orange border, and in the search field. Escape always returns to reviewing.</source>
        <translation>Granskningstangenterna beslutar; de skriver aldrig. Tangenterna skriver bara i redigeringsläge (E på ett förslag, F2 eller dubbelklick i den rättade texten), som visas med en orange ram, och i sökfältet. Escape återgår alltid till granskning.</translation>
    </message>
</context>
<context>
    <name>Show</name>
    <message>
        <source>All documents</source>
        <translation>Alla dokument</translation>
    </message>
    <message>
        <source>With pending suggestions</source>
        <translation>Med obeslutade förslag</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klara</translation>
    </message>
    <message>
        <source>Not analysed</source>
        <translation>Ej analyserade</translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation>Behöver åtgärdas</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>not analysed</source>
        <translation>ej analyserat</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ej påbörjat</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>under granskning</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klart</translation>
    </message>
    <message>
        <source>cannot be analysed</source>
        <translation>kan inte analyseras</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>pending</source>
        <translation>obeslutad</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>godtagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>avvisad</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>redigerad</translation>
    </message>
</context>
<context>
    <name>SuggestionDock</name>
    <message>
        <source>Search suggestions (Ctrl+F)</source>
        <translation>Sök bland förslagen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show suggestions whose text, reason or kind contains this</source>
        <translation>Visa förslag vars text, motivering eller slag innehåller detta</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Show only some kinds of suggestion</source>
        <translation>Visa bara vissa slags förslag</translation>
    </message>
    <message>
        <source>Show suggestions by decision</source>
        <translation>Visa förslag efter beslut</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Obeslutade</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Beslutade</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Godtagna</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Avvisade</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Redigerade</translation>
    </message>
    <message>
        <source>Hide suggestions below this confidence</source>
        <translation>Dölj förslag under denna säkerhet</translation>
    </message>
    <message>
        <source>Accept visible takes the pending suggestions in the list from this confidence up</source>
        <translation>Godta synliga tar de obeslutade förslagen i listan från denna säkerhet och uppåt</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 av %2 visas</translation>
    </message>
</context>
<context>
    <name>SuggestionPopup</name>
    <message>
        <source>Use this instead (key %1)</source>
        <translation>Använd detta i stället (tangent %1)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Godta</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Avvisa</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigera…</translation>
    </message>
</context>
<context>
    <name>SuggestionTableModel</name>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>Säk.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Sida</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
</context>
<context>
    <name>VersionCompare</name>
    <message>
        <source>the current work</source>
        <translation>det pågående arbetet</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>finns inte</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>obeslutat</translation>
    </message>
    <message>
        <source>accepted %1</source>
        <translation>godtog %1</translation>
    </message>
    <message>
        <source>rejected %1</source>
        <translation>avvisade %1</translation>
    </message>
    <message>
        <source>edited %1</source>
        <translation>redigerade %1</translation>
    </message>
    <message>
        <source>%1, line %2 (before: %3)</source>
        <translation>%1, rad %2 (tidigare: %3)</translation>
    </message>
    <message>
        <source>%n unchanged line(s)</source>
        <translation>oförändrade rader: %n</translation>
    </message>
    <message>
        <source>%n decision(s) differ</source>
        <translation>%n beslut skiljer sig</translation>
    </message>
    <message>
        <source>… and %n more decision(s)</source>
        <translation>… och fler beslut: %n</translation>
    </message>
    <message>
        <source>The texts are the same.</source>
        <translation>Texterna är lika.</translation>
    </message>
    <message>
        <source>%n line(s) of text differ</source>
        <translation>textrader som skiljer sig: %n</translation>
    </message>
    <message>
        <source>… and more: %n changed line(s) in all</source>
        <translation>… och fler: %n ändrade rader i allt</translation>
    </message>
</context>
<context>
    <name>VersionHistoryDialog</name>
    <message>
        <source>Version history — %1</source>
        <translation>Versionshistorik — %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Sparad</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Granskare</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Beslutade</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Select a version to see its text, or two to compare them.</source>
        <translation>Välj en version för att se dess text, eller två för att jämföra dem.</translation>
    </message>
    <message>
        <source>&amp;Show text</source>
        <translation>&amp;Visa text</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Jämför</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>Å&amp;terställ den här versionen…</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>osparad</translation>
    </message>
    <message>
        <source>as saved</source>
        <translation>som sparad</translation>
    </message>
    <message>
        <source>current</source>
        <translation>nuvarande</translation>
    </message>
    <message>
        <source>Text of %1; undecided suggestions keep the OCR text.</source>
        <translation>Texten i %1; obeslutade förslag behåller OCR-texten.</translation>
    </message>
    <message>
        <source>Restoring version %1…</source>
        <translation>Återställer version %1…</translation>
    </message>
    <message>
        <source>Version %1 is now the current work (not saved yet).</source>
        <translation>Version %1 är nu det nuvarande arbetet (inte sparat än).</translation>
    </message>
    <message>
        <source>%1 compared with %2.</source>
        <translation>%1 jämförd med %2.</translation>
    </message>
    <message>
        <source>the current work</source>
        <translation>det nuvarande arbetet</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Building the text of %1…</source>
        <translation>Bygger texten för %1…</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Jämför %1 med %2…</translation>
    </message>
    <message>
        <source>Go back to version %1? Its decisions become your current work; all versions stay saved, and the next save records the restore.</source>
        <translation>Gå tillbaka till version %1? Dess beslut blir ditt nuvarande arbete; alla versioner finns kvar, och nästa sparning noterar återställningen.</translation>
    </message>
</context>
<context>
    <name>WorkspaceService</name>
    <message>
        <source>Your name, recorded with your decisions and saved versions:</source>
        <translation>Ditt namn, som sparas med dina beslut och versioner:</translation>
    </message>
    <message>
        <source>Open OCR text</source>
        <translation>Öppna OCR-text</translation>
    </message>
    <message>
        <source>OCR text and scans (*.txt *.hocr *.html *.xml *.pdf);;Text files (*.txt);;hOCR (*.hocr *.html);;ALTO or PAGE XML (*.xml);;PDF with a text layer (*.pdf);;All files (*)</source>
        <translation>OCR-text och skanningar (*.txt *.hocr *.html *.xml *.pdf);;Textfiler (*.txt);;hOCR (*.hocr *.html);;ALTO eller PAGE XML (*.xml);;PDF med textlager (*.pdf);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Analysis cancelled: the text is open without suggestions.</source>
        <translation>Analysen avbröts: texten är öppen utan förslag.</translation>
    </message>
    <message numerus="yes">
        <source>%n new suggestion(s).</source>
        <translation>
            <numerusform>%n nytt förslag.</numerusform>
            <numerusform>%n nya förslag.</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analysen avbröts.</translation>
    </message>
    <message>
        <source>Save review as</source>
        <translation>Spara granskning som</translation>
    </message>
    <message>
        <source>Korrektur review (*%1);;All files (*)</source>
        <translation>Korrektur-granskning (*%1);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The source file is never overwritten; choose another name.</source>
        <translation>Källfilen skrivs aldrig över; välj ett annat namn.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Sparar %1…</translation>
    </message>
    <message>
        <source>Saved version %1 to %2</source>
        <translation>Version %1 sparad i %2</translation>
    </message>
    <message>
        <source>The review could not be saved: %1
Your work is still open; try Save As to choose another folder.</source>
        <translation>Granskningen kunde inte sparas: %1
Ditt arbete är kvar; välj en annan mapp med Spara som.</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisk sparning misslyckades: %1</translation>
    </message>
    <message>
        <source>Waiting for the review to be written…</source>
        <translation>Väntar på att granskningen skrivs…</translation>
    </message>
    <message>
        <source>The decisions on %1 are not saved. Discard them?</source>
        <translation>Besluten om %1 är inte sparade. Vill du kasta dem?</translation>
    </message>
</context>
</TS>
