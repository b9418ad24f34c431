"""Demo texts of the pages that staff edit in the admin; seed_demo loads them."""

PAGES = [
    {
        "slug": "impressum",
        "title": "Impressum",
        "body": """<p><strong>Beispielinhalt: Dieses Impressum zeigt nur den Aufbau. Anschrift, Telefonnummer, Registereintrag und Namen sind Platzhalter und müssen vor dem Start durch die echten Angaben ersetzt werden.</strong></p>

<h2>Anbieter nach § 5 <abbr title="Digitale-Dienste-Gesetz">DDG</abbr></h2>
<p>KL.digital GmbH<br>
Musterstraße 1 (Beispielanschrift)<br>
67655 Kaiserslautern<br>
Deutschland</p>

<h2>Vertretung</h2>
<p>Die KL.digital GmbH wird vertreten durch ihre Geschäftsführung: Vorname Nachname (Platzhalter).</p>

<h2>Kontakt</h2>
<p>E-Mail: <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a><br>
Telefon: 0631 0000000 (Beispielnummer)</p>

<h2>Registereintrag</h2>
<p>Registergericht: Amtsgericht Kaiserslautern<br>
Registernummer: HRB 00000 (Platzhalter)</p>

<h2>Umsatzsteuer-Identifikationsnummer</h2>
<p>Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz: DE000000000 (Platzhalter)</p>

<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 <abbr title="Medienstaatsvertrag">MStV</abbr></h2>
<p>Vorname Nachname (Platzhalter)<br>
KL.digital GmbH<br>
Musterstraße 1 (Beispielanschrift)<br>
67655 Kaiserslautern</p>

<h2>Im Auftrag der Stadt Kaiserslautern</h2>
<p>Die KL.digital GmbH ist die Digitalagentur der Stadt Kaiserslautern. Sie betreibt die Beteiligungsplattform KLmitWirkung im Auftrag der Stadt Kaiserslautern. Beschreibungen der städtischen Projekte, Umfragen aus dem Rathaus und die „Stellungnahmen der Stadt“ stammen von den jeweils zuständigen Stellen der Stadtverwaltung.</p>

<h2>Beiträge von Bürger:innen</h2>
<p>Vorschläge und Kommentare geben die Meinung ihrer Verfasser:innen wieder, nicht die Meinung der Stadt Kaiserslautern oder der KL.digital GmbH. Unser Moderationsteam prüft jeden Beitrag, bevor er erscheint. Die Regeln dafür finden Sie auf der Seite „<a href="/so-funktionierts/">So funktioniert’s</a>“.</p>

<h2>Weitere rechtliche Hinweise</h2>
<ul>
<li><a href="/datenschutz/">Datenschutzerklärung von KLmitWirkung</a></li>
<li><a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit von KLmitWirkung</a></li>
</ul>""",
    },
    {
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "body": """<p><strong>Beispielinhalt: Anschrift und Kontaktdaten in dieser Erklärung sind Platzhalter und müssen vor dem Start durch die echten Angaben ersetzt werden.</strong></p>

<p>Auf KLmitWirkung verarbeiten wir nur die Daten, die für die Beteiligung nötig sind. Hier erklären wir Ihnen, welche Daten das sind, wofür wir sie brauchen und welche Rechte Sie haben.</p>

<h2>Das Wichtigste in Kürze</h2>
<ul>
<li>Kein Tracking, keine Reichweitenanalyse, keine Werbung.</li>
<li>Keine Inhalte von fremden Servern: Schriften, Gestaltung und Skripte kommen von unserem eigenen Server.</li>
<li>Nur zwei Cookies, beide technisch notwendig. Deshalb gibt es kein Cookie-Banner.</li>
<li>Für ein Konto brauchen Sie nur eine E-Mail-Adresse und einen selbst gewählten öffentlichen Namen – keinen Klarnamen.</li>
<li>Ihre Stimmen werden anderen niemals angezeigt.</li>
<li>Sie können Ihre Daten jederzeit selbst herunterladen und Ihr Konto selbst löschen.</li>
</ul>

<h2>Verantwortliche Stelle</h2>
<p>KL.digital GmbH<br>
Musterstraße 1 (Beispielanschrift)<br>
67655 Kaiserslautern<br>
E-Mail: <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a></p>
<p>Die KL.digital GmbH betreibt KLmitWirkung im Auftrag der Stadt Kaiserslautern.</p>

<h2>Datenschutzbeauftragte:r</h2>
<p>Sie erreichen unsere Datenschutzbeauftragte oder unseren Datenschutzbeauftragten unter <a href="mailto:datenschutz@klmitwirkung.de">datenschutz@klmitwirkung.de</a> (Beispieladresse) oder per Post an die oben genannte Anschrift mit dem Zusatz „Datenschutz“.</p>

<h2>Wenn Sie die Website besuchen</h2>

<h3>Server-Protokolle</h3>
<p>Bei jedem Aufruf speichert unser Server die IP-Adresse Ihres Geräts, den Zeitpunkt und die aufgerufene Seite. Wir brauchen diese Angaben, um die Website zu betreiben, Fehler zu finden und Angriffe abzuwehren. Die Protokolle bewahren wir nur kurze Zeit auf (Beispielwert: sieben Tage) und löschen sie danach. Rechtsgrundlage ist unser berechtigtes Interesse an einem sicheren Betrieb (Art. 6 Abs. 1 lit. f <abbr title="Datenschutz-Grundverordnung">DSGVO</abbr>).</p>

<h3>Keine Anfragen an Dritte</h3>
<p>Schriften, Stylesheets und Skripte liefern wir von unserem eigenen Server aus. Wir binden keine Inhalte fremder Anbieter ein und setzen keine Analyse- oder Tracking-Werkzeuge ein. Ihr Browser nimmt beim Besuch von KLmitWirkung also keinen Kontakt zu anderen Servern auf.</p>

<h3>Cookies</h3>
<p>Wir verwenden nur zwei Cookies. Beide sind für den Betrieb unbedingt erforderlich (§ 25 Abs. 2 Nr. 2 <abbr title="Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz">TDDDG</abbr>). Deshalb fragen wir nicht nach einer Einwilligung.</p>
<dl>
<dt>sessionid</dt>
<dd>Hält Sie angemeldet. Das Cookie wird gesetzt, wenn Sie sich registrieren oder anmelden. Es enthält nur eine zufällige Kennung Ihrer Sitzung; die Sitzung selbst speichern wir in unserer Datenbank. Das Cookie gilt bis zur Abmeldung oder bis zum Schließen des Browsers; wenn Sie bei der Anmeldung „Angemeldet bleiben“ wählen, höchstens 14 Tage.</dd>
<dt>csrftoken</dt>
<dd>Schützt Sie vor gefälschten Formularübermittlungen: Nur Formulare, die wirklich von KLmitWirkung stammen, werden angenommen. Das Cookie wird gesetzt, wenn Sie eine Seite mit einem Formular aufrufen. Es enthält einen Zufallswert und bleibt bis zu ein Jahr gespeichert.</dd>
</dl>

<h2>Wenn Sie ein Konto anlegen</h2>
<p>Zum Lesen brauchen Sie kein Konto. Wenn Sie abstimmen, Vorschläge machen oder kommentieren möchten, legen Sie ein Konto an. Dazu speichern wir:</p>
<ul>
<li><strong>Ihre E-Mail-Adresse</strong> – für die Anmeldung, für die Bestätigungs-E-Mail und für Nachrichten zu Ihrem Konto, etwa zum Zurücksetzen des Passworts. Zu jeder E-Mail-Adresse speichern wir, ob Sie sie bestätigt haben.</li>
<li><strong>Ihren öffentlichen Namen</strong> – den Sie selbst wählen. Wir fragen nicht nach Ihrem echten Namen und zeigen ihn nirgends an. Wenn Sie nicht erkannt werden möchten, wählen Sie einen Namen, der nicht auf Sie schließen lässt.</li>
<li><strong>Ihr Passwort</strong> – nur als gesalzener Hashwert. Niemand bei uns kann Ihr Passwort lesen.</li>
<li><strong>Das Datum Ihrer Registrierung und Ihrer letzten Anmeldung.</strong></li>
</ul>
<p>Rechtsgrundlage ist die Nutzungsvereinbarung, die Sie mit der Registrierung eingehen (Art. 6 Abs. 1 lit. b DSGVO).</p>

<h3>Schutz vor dem Erraten von Passwörtern</h3>
<p>Damit niemand massenhaft Passwörter ausprobieren kann, begrenzen wir, wie oft man sich in kurzer Zeit anmelden, registrieren oder ein Passwort zurücksetzen kann. Dafür zählen wir diese Vorgänge für wenige Minuten in einem Zwischenspeicher (Cache). Gezählt wird je IP-Adresse (bei IPv6 gekürzt) und bei manchen Vorgängen zusätzlich je eingegebener E-Mail-Adresse; die E-Mail-Adresse legen wir dabei nur als Hashwert ab. Nach Ablauf der wenigen Minuten verfallen die Einträge. Rechtsgrundlage ist unser berechtigtes Interesse an der Sicherheit Ihrer Konten (Art. 6 Abs. 1 lit. f DSGVO).</p>

<h2>Wenn Sie sich beteiligen</h2>
<p>Ihre Beiträge – Vorschläge, Kommentare und Stimmen – speichern wir zusammen mit Ihrem Konto.</p>
<ul>
<li><strong>Vorschläge und Kommentare</strong> erscheinen erst, nachdem unser Moderationsteam sie freigegeben hat. Veröffentlichte Beiträge zeigen Ihren öffentlichen Namen und das Datum. Welche Vorschläge Sie unterstützen, sehen andere nicht; angezeigt wird nur die Zahl der Unterstützungen. Löschen Sie einen eigenen Kommentar, entfernen wir seinen Text; Antworten anderer bleiben stehen.</li>
<li><strong>Meldungen</strong>, mit denen Sie auf einen problematischen Beitrag hinweisen, sehen nur die Moderator:innen – die meldende Person erfährt niemand sonst.</li>
<li><strong>Stimmen</strong> speichern wir mit Ihrem Konto, damit jede Person nur einmal abstimmen kann. Ihre Stimmen werden anderen niemals angezeigt; veröffentlicht werden nur die Ergebnisse. Antworten in Freitextfeldern lesen die Mitarbeiter:innen, die eine Umfrage auswerten – ohne Ihren Namen und ohne Ihre E-Mail-Adresse. Wird Ihr Konto gelöscht, bleibt Ihre Stimme im Ergebnis gezählt, aber ohne Verbindung zu Ihnen.</li>
<li><strong>Ihre Postleitzahl</strong> – nur wenn Sie sie freiwillig in Ihrem Profil angeben. Manche Abstimmungen sind nur für Einwohner:innen von Kaiserslautern; dafür speichern wir die Postleitzahl und wann Sie sie zuletzt geändert haben. Anderen wird sie nie angezeigt.</li>
<li><strong>Als Gast</strong> (bei Umfragen, die ohne Konto möglich sind) speichern wir Ihre Antworten ohne Bezug zu Ihrer Person. Ihre Sitzung merkt sich nur, dass Sie schon teilgenommen haben, damit Sie Ihre Antworten sehen.</li>
<li><strong>Entscheidungen der Moderation</strong> – etwa ob ein Beitrag freigegeben oder abgelehnt wurde – halten wir fest, damit sie nachvollziehbar bleiben.</li>
</ul>
<p>Rechtsgrundlage ist die Nutzungsvereinbarung (Art. 6 Abs. 1 lit. b DSGVO). Soweit die Beteiligung einer Aufgabe der Stadt Kaiserslautern im öffentlichen Interesse dient, stützen wir uns außerdem auf Art. 6 Abs. 1 lit. e DSGVO.</p>

<h2>Benachrichtigungen und Newsletter</h2>
<p>Mit Ihrem Konto erhalten Sie E-Mails, wenn etwas geschieht, das Sie betrifft: wenn die Moderation über Ihren Beitrag entschieden hat, wenn jemand auf Ihren Kommentar antwortet, wenn die Stadt einen Vorschlag beantwortet, den Sie gemacht haben oder unterstützen, wenn in einem Projekt, dem Sie folgen, eine Abstimmung beginnt, und wenn die Ergebnisse einer Abstimmung vorliegen, an der Sie teilgenommen haben. Dafür speichern wir, welchen Projekten Sie folgen und welche dieser E-Mails Sie wünschen. Jede Art schalten Sie in <a href="/konto/profil/#benachrichtigungen">Ihrem Profil</a> oder mit dem Link in der E-Mail selbst ab, ohne sich anzumelden. Rechtsgrundlage ist die Nutzungsvereinbarung (Art. 6 Abs. 1 lit. b DSGVO).</p>
<p>Den <a href="/newsletter/">Newsletter</a> können Sie auch ohne Konto abonnieren. Wir senden ihn erst, nachdem Sie Ihre E-Mail-Adresse über einen Link bestätigt haben (Double-Opt-in), und speichern dafür Ihre Adresse, den Wortlaut Ihrer Einwilligung und wann Sie eingewilligt und bestätigt haben. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); Sie widerrufen sie jederzeit mit dem Link in jedem Newsletter.</p>
<p>Alle E-Mails versendet ein Hintergrundprozess auf unserem eigenen Server; wir verwenden keine Zählpixel und keine Dienste, die das Öffnen von E-Mails oder das Klicken auf Links messen.</p>

<h2>Wer Ihre Daten erhält</h2>
<p>Wir verkaufen keine Daten und geben sie nicht an Dritte weiter. Noch nicht veröffentlichte Beiträge sehen nur die Mitarbeiter:innen, die KLmitWirkung moderieren und betreuen. Die Stadt Kaiserslautern erhält die Ergebnisse von Abstimmungen und Umfragen. Der Server soll in Deutschland betrieben werden. Dienstleister für Hosting und E-Mail-Versand verarbeiten Daten nur in unserem Auftrag und nach unseren Weisungen (Art. 28 DSGVO). Eine Übermittlung in Länder außerhalb der Europäischen Union ist nicht vorgesehen.</p>

<h2>Wie lange wir Daten speichern</h2>
<ul>
<li>Kontodaten: bis Sie Ihr Konto löschen.</li>
<li>Sitzungen: bis Sie sich abmelden oder die Sitzung abläuft.</li>
<li>Server-Protokolle: nur kurze Zeit (siehe oben).</li>
<li>Zähler zum Schutz vor dem Erraten von Passwörtern: wenige Minuten.</li>
<li>Zähler, die begrenzen, wie viele Vorschläge, Kommentare und Meldungen eine Person in kurzer Zeit einreichen kann: höchstens einen Tag.</li>
</ul>

<h2>Ihre Rechte</h2>
<p>Nach der Datenschutz-Grundverordnung haben Sie folgende Rechte:</p>
<ul>
<li>Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO),</li>
<li>Berichtigung falscher Daten (Art. 16 DSGVO),</li>
<li>Löschung Ihrer Daten (Art. 17 DSGVO),</li>
<li>Einschränkung der Verarbeitung (Art. 18 DSGVO),</li>
<li>Datenübertragbarkeit (Art. 20 DSGVO),</li>
<li>Widerspruch gegen Verarbeitungen, die auf Art. 6 Abs. 1 lit. e oder f DSGVO beruhen (Art. 21 DSGVO).</li>
</ul>
<p>In <a href="/konto/profil/">Ihrem Profil</a> sehen Sie Ihren öffentlichen Namen und Ihre E-Mail-Adressen; E-Mail-Adressen und Passwort ändern Sie dort jederzeit selbst.</p>
<p><strong>Auskunft und Datenübertragbarkeit:</strong> Unter <a href="/konto/daten/">Ihre Daten</a> sehen Sie jederzeit alles, was KLmitWirkung zu Ihrem Konto speichert: Kontodaten und E-Mail-Adressen, Ihre Postleitzahl (falls angegeben), Ihre Vorschläge und Kommentare in jedem Bearbeitungsstand, Ihre Unterstützungen, Ihre Antworten in Abstimmungen und Umfragen, Ihre Meldungen, die Projekte, denen Sie folgen, Ihre Benachrichtigungseinstellungen, Ihre Newsletter-Einwilligung sowie die Entscheidungen der Moderation über Ihre Beiträge. Sie können alles als maschinenlesbare JSON-Datei herunterladen. Daten anderer Personen und die Namen von Mitarbeiter:innen sind darin nicht enthalten.</p>
<p><strong>Löschung:</strong> Unter <a href="/konto/loeschen/">Konto löschen</a> löschen Sie Ihr Konto selbst, nachdem Sie Ihr Passwort eingegeben und das Löschen bestätigt haben. Dabei werden Ihr Konto, Ihre E-Mail-Adressen, Ihre Postleitzahl, Ihre Unterstützungen, Ihre Meldungen, die Projekte, denen Sie folgen, Ihr Newsletter-Abonnement sowie alle nie veröffentlichten Vorschläge und Kommentare gelöscht. Veröffentlichte Vorschläge und Kommentare bleiben stehen, damit Diskussionen verständlich bleiben; statt Ihres Namens steht dort „gelöschtes Konto“. Ihre abgegebenen Stimmen bleiben in den Ergebnissen gezählt, sind aber mit keiner Person mehr verbunden. Mit derselben E-Mail-Adresse können Sie sich später wieder registrieren. Konten von Mitarbeiter:innen löscht die Administration.</p>
<p>Für alle anderen Anliegen schreiben Sie an <a href="mailto:datenschutz@klmitwirkung.de">datenschutz@klmitwirkung.de</a> (Beispieladresse). Wenn wir Ihre Anfrage bearbeiten, verarbeiten wir die dafür nötigen Angaben, weil das Gesetz uns dazu verpflichtet (Art. 6 Abs. 1 lit. c DSGVO).</p>

<h2>Beschwerde bei der Aufsichtsbehörde</h2>
<p>Wenn Sie meinen, dass wir Ihre Daten nicht rechtmäßig verarbeiten, können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Für uns zuständig ist der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz in Mainz.</p>

<h2>Sicherheit</h2>
<p>Die Verbindung zu KLmitWirkung ist verschlüsselt (HTTPS). Passwörter speichern wir nur als gesalzenen Hashwert.</p>

<p>Stand: Monat 2026 (Platzhalter)</p>""",
    },
    {
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "body": """<p><strong>Hinweis zur Demo-Fassung: Die Kontaktangaben der Landesstellen unten stammen aus deren Veröffentlichungen. Der Betreiber gleicht sie vor dem Start und bei jeder Überprüfung dieser Erklärung mit den aktuellen Angaben des Landes ab.</strong></p>

<p>Die KL.digital GmbH betreibt KLmitWirkung im Auftrag der Stadt Kaiserslautern. Wir möchten, dass alle Menschen unsere Beteiligungsplattform nutzen können – auch mit Screenreader, nur mit der Tastatur oder mit starker Vergrößerung. Diese Erklärung gilt für die Website klmitwirkung.de.</p>
<p>Rechtliche Grundlage sind § 10 des Landesinklusionsgesetzes Rheinland-Pfalz und die Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz (<abbr title="Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz">BITV RP</abbr>), mit denen das Land die Richtlinie (EU) 2016/2102 umsetzt. Fachlich orientieren wir uns an der <abbr title="Barrierefreie-Informationstechnik-Verordnung">BITV</abbr> 2.0 des Bundes. Der Aufbau dieser Erklärung folgt dem Muster der Europäischen Kommission (Durchführungsbeschluss (EU) 2018/1523).</p>

<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>KLmitWirkung ist mit den Anforderungen <strong>teilweise vereinbar</strong>. Maßstab sind die Web Content Accessibility Guidelines (<abbr title="Web Content Accessibility Guidelines">WCAG</abbr>) 2.1 auf Stufe AA und die europäische Norm EN 301 549. Die unten genannten Inhalte sind noch nicht barrierefrei.</p>
<p>Zusätzlich gibt es Informationen in <a href="/leichte-sprache/">Leichter Sprache</a> und eine Seite zur <a href="/gebaerdensprache/">Deutschen Gebärdensprache</a>.</p>

<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li><strong>Ältere PDF-Dokumente:</strong> Einige PDF-Dokumente zu älteren Projekten stammen von der Stadtverwaltung oder von Projektpartner:innen und sind nicht vollständig barrierefrei, etwa weil ihnen eine Struktur für Screenreader fehlt. Wir ersetzen sie nach und nach. Bis dahin schicken wir Ihnen den Inhalt auf Anfrage gern in einer zugänglichen Form.</li>
<li><strong>Video in Deutscher Gebärdensprache:</strong> Das Video, das KLmitWirkung in Deutscher Gebärdensprache erklärt, ist noch in Vorbereitung. Eine Zusammenfassung als Text steht auf der Seite <a href="/gebaerdensprache/">Gebärdensprache</a>.</li>
<li><strong>Leichte Sprache:</strong> In Leichter Sprache gibt es bisher einen Überblick über KLmitWirkung und über diese Erklärung. Die Texte der Projekte, Abstimmungen und Vorschläge stehen nur in Alltagssprache.</li>
<li><strong>Beiträge von Nutzer:innen:</strong> Vorschläge und Kommentare schreiben Bürger:innen selbst. Auf deren Verständlichkeit haben wir nur begrenzt Einfluss.</li>
</ul>

<h2>Erstellung dieser Erklärung</h2>
<p>Diese Erklärung wurde am 4. Dezember 2026 erstellt und zuletzt am 4. Dezember 2026 überprüft. Wir überprüfen sie mindestens einmal im Jahr und nach jeder größeren Änderung der Website.</p>
<p>Grundlage ist eine Selbstbewertung durch die KL.digital GmbH. Geprüft wurden die öffentlichen Seiten und die Seiten für angemeldete Bürger:innen:</p>
<ul>
<li>automatisierte Prüfung mit dem Werkzeug axe-core auf jeder Seite, die unsere automatisierten Browser-Tests aufrufen – bei jeder Änderung der Software,</li>
<li>Prüfung mit Lighthouse und dem HTML-Prüfdienst des <abbr title="World Wide Web Consortium">W3C</abbr>,</li>
<li>Bedienung nur mit der Tastatur, einschließlich der Frage, ob man immer sieht, wo man sich gerade befindet,</li>
<li>Darstellung bei 320 Pixel Breite und bei 200 Prozent Vergrößerung,</li>
<li>Darstellung mit erzwungenen Farben, wie im Kontrastmodus von Windows.</li>
</ul>

<h2>Feedback und Kontaktangaben</h2>
<p>Ist Ihnen eine Barriere aufgefallen? Brauchen Sie einen Inhalt in einer anderen Form? Dann schreiben Sie uns bitte:</p>
<ul>
<li>per E-Mail an <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a>, am besten mit dem Betreff „Barriere“,</li>
<li>per Post an die KL.digital GmbH; die Anschrift steht im <a href="/impressum/">Impressum</a>.</li>
</ul>
<p>Bitte nennen Sie uns die Seite, auf der Sie die Barriere bemerkt haben, und beschreiben Sie kurz, was nicht funktioniert hat. Wir bestätigen den Eingang Ihrer Nachricht und antworten Ihnen innerhalb eines Monats.</p>

<h2>Schlichtungsverfahren</h2>
<p>Haben Sie innerhalb eines Monats keine Antwort von uns erhalten, oder sind Sie mit unserer Antwort nicht zufrieden? Dann können Sie ein Schlichtungsverfahren beantragen. In Rheinland-Pfalz ist nach dem Landesinklusionsgesetz die oder der Landesbeauftragte für die Belange von Menschen mit Behinderungen auch Schlichtungsstelle. Die Schlichtungsstelle sucht gemeinsam mit Ihnen und uns nach einer Lösung, ohne dass Sie dafür vor Gericht gehen müssen.</p>

<h2>Durchsetzungsverfahren</h2>
<p>Sie können sich außerdem an die Durchsetzungsstelle des Landes Rheinland-Pfalz wenden (§ 3 <abbr title="Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz">BITV RP</abbr>). Auch sie ist bei der oder dem Landesbeauftragten für die Belange von Menschen mit Behinderungen angesiedelt. Auf Ihren Antrag oder Ihren Hinweis prüft sie, ob die Website einer öffentlichen Stelle in Rheinland-Pfalz die Anforderungen an die Barrierefreiheit erfüllt. Stellt sie Mängel fest, fordert sie die öffentliche Stelle auf, diese zu beseitigen.</p>

<h3>Kontakt der Schlichtungs- und der Durchsetzungsstelle</h3>
<p>Die oder der Landesbeauftragte für die Belange von Menschen mit Behinderungen Rheinland-Pfalz – Durchsetzungsstelle<br>
E-Mail: <a href="mailto:durchsetzungsstelle@mastd.rlp.de">durchsetzungsstelle@mastd.rlp.de</a><br>
Website mit Postanschrift und Telefonnummer: <a href="https://behindertenbeauftragte.rlp.de/">behindertenbeauftragte.rlp.de</a><br>
<em>(Angaben des Landes Rheinland-Pfalz, vom Betreiber vor dem Start zu bestätigen)</em></p>

<h3>Überwachung</h3>
<p>Unabhängig von einzelnen Beschwerden prüft die Überwachungsstelle für barrierefreie Informationstechnik beim Landesamt für Steuern – Zentrale Datenverarbeitung der Finanzverwaltung (<abbr title="Zentrale Datenverarbeitung der Finanzverwaltung">ZDFin</abbr>) regelmäßig Stichproben der Websites öffentlicher Stellen in Rheinland-Pfalz (§ 2 <abbr title="Barrierefreie-Informationstechnik-Verordnung Rheinland-Pfalz">BITV RP</abbr>). Ihre Hinweise und Anträge richten Sie bitte an die Durchsetzungsstelle.</p>""",
    },
    {
        "slug": "leichte-sprache",
        "title": "Leichte Sprache",
        "body": """<h2>Was ist KLmitWirkung?</h2>
<p>KLmitWirkung ist eine Internet-Seite.</p>
<p>KL steht für Kaiserslautern.</p>
<p>Auf der Seite können Sie bei der Stadt Kaiserslautern mitmachen.</p>
<p>Wir nennen die Seite auch: Beteiligungs-Plattform.</p>
<p>Die Stadt will wissen:</p>
<ul>
<li>Was denken Sie über Ihre Stadt?</li>
<li>Was wünschen Sie sich?</li>
<li>Was soll besser werden?</li>
</ul>
<p>Ihre Meinung ist wichtig.</p>

<h2>Was können Sie hier machen?</h2>
<p>Sie können hier:</p>
<ul>
<li>über Projekte von der Stadt lesen.</li>
<li>abstimmen.</li>
<li>Vorschläge machen.</li>
<li>Kommentare schreiben.</li>
</ul>
<p>Ein Beispiel:</p>
<p>In der Innen-Stadt gibt es einen freien Platz.</p>
<p>Die Stadt fragt: Welche Veranstaltung soll zuerst auf den Platz?</p>
<p>Sie können sagen, was Sie gut finden.</p>

<h2>So finden Sie sich zurecht</h2>
<p>Oben auf jeder Seite ist ein Menü.</p>
<p>Im Menü stehen diese Wörter:</p>
<ul>
<li>Projekte</li>
<li>Abstimmungen</li>
<li>Vorschläge</li>
<li>So funktioniert’s</li>
</ul>
<p>Jedes Wort ist ein Link.</p>
<p>Ein Link ist ein Wort zum Anklicken.</p>
<p>Sie klicken auf den Link.</p>
<p>Dann kommen Sie auf eine andere Seite.</p>
<p>Ganz unten auf jeder Seite sind noch mehr Links.</p>
<p>Zum Beispiel zu dieser Seite in Leichter Sprache.</p>
<p>Sie benutzen keine Maus?</p>
<p>Dann können Sie die Tastatur benutzen.</p>
<p>Mit der Tab-Taste kommen Sie zum nächsten Link.</p>
<p>Mit der Enter-Taste öffnen Sie den Link.</p>
<p>Die Schrift ist Ihnen zu klein?</p>
<p>Dann können Sie die Seite größer machen.</p>
<p>Auf vielen Computern geht das so:</p>
<p>Sie drücken die Taste Strg und die Taste Plus zusammen.</p>

<h2>So bekommen Sie ein Konto</h2>
<p>Lesen können Sie alles ohne Konto.</p>
<p>Sie wollen abstimmen?</p>
<p>Oder Sie wollen einen Vorschlag machen?</p>
<p>Dann brauchen Sie ein Konto.</p>
<p>Ein Konto ist Ihr eigener Bereich auf der Internet-Seite.</p>
<p>Oben rechts steht: Registrieren.</p>
<p>Dort bekommen Sie ein Konto.</p>
<p>Das geht so:</p>
<ol>
<li>Sie schreiben Ihre E-Mail-Adresse auf.</li>
<li>Sie suchen sich einen Namen aus. Den Namen sehen die anderen Menschen. Sie müssen nicht Ihren echten Namen nehmen.</li>
<li>Sie suchen sich ein Pass-Wort aus. Das Pass-Wort ist geheim. Sie brauchen es zum Anmelden.</li>
<li>Sie bekommen eine E-Mail von uns.</li>
<li>In der E-Mail ist ein Link. Sie klicken auf den Link.</li>
</ol>
<p>Dann ist Ihr Konto fertig.</p>

<h2>So melden Sie sich an</h2>
<p>Sie haben schon ein Konto?</p>
<p>Dann melden Sie sich an.</p>
<p>Oben rechts steht: Anmelden.</p>
<p>Sie klicken auf Anmelden.</p>
<p>Sie schreiben Ihre E-Mail-Adresse auf.</p>
<p>Und Ihr Pass-Wort.</p>
<p>Dann klicken Sie auf den Knopf: Anmelden.</p>
<p>Jetzt können Sie mitmachen.</p>

<h2>So stimmen Sie ab</h2>
<p>Im Menü klicken Sie auf: Abstimmungen.</p>
<p>Dort sehen Sie alle Abstimmungen.</p>
<p>Und alle Umfragen.</p>
<p>Eine Umfrage hat meistens mehrere Fragen.</p>
<p>Sie klicken auf eine Abstimmung.</p>
<p>Dann sehen Sie die Frage und die Antworten.</p>
<p>Welche Antwort finden Sie gut?</p>
<p>Dann klicken Sie auf diese Antwort.</p>
<p>Dann klicken Sie auf den Knopf: Stimme abgeben.</p>
<p>Bei einer Umfrage heißt der Knopf: Antworten absenden.</p>
<p>Jeder Mensch darf nur einmal abstimmen.</p>
<p>Die anderen Menschen sehen nicht, wie Sie abgestimmt haben.</p>

<h2>So machen Sie einen Vorschlag</h2>
<p>Sie haben eine Idee für Kaiserslautern?</p>
<p>Dann machen Sie einen Vorschlag.</p>
<p>Im Menü klicken Sie auf: Vorschläge.</p>
<p>Dann klicken Sie auf den Knopf: Vorschlag einreichen.</p>
<p>Sie schreiben einen Titel für Ihre Idee.</p>
<p>Und Sie schreiben Ihre Idee auf.</p>
<p>Zum Schluss klicken Sie wieder auf: Vorschlag einreichen.</p>

<h2>Wer liest Ihre Vorschläge?</h2>
<p>Jemand von uns liest jeden Vorschlag.</p>
<p>Und jeden Kommentar.</p>
<p>Erst danach zeigen wir den Vorschlag oder den Kommentar auf der Internet-Seite.</p>
<p>Es gibt Regeln für alle:</p>
<ul>
<li>Seien Sie freundlich.</li>
<li>Schreiben Sie nichts Privates über andere Menschen.</li>
<li>Machen Sie keine Werbung.</li>
</ul>
<p>Die Stadt antwortet auf Vorschläge.</p>
<p>Sie können dann lesen: Was passiert mit dem Vorschlag?</p>

<h2>Ist die Internet-Seite barriere-frei?</h2>
<p>Barriere-frei heißt: Alle Menschen können die Internet-Seite benutzen.</p>
<p>Auch Menschen mit Behinderung.</p>
<p>Eine Barriere ist ein Hindernis.</p>
<p>Ein Beispiel:</p>
<p>Ein Bild hat keine Beschreibung.</p>
<p>Ein blinder Mensch weiß dann nicht: Was ist auf dem Bild?</p>
<p>Wir haben geprüft: Ist unsere Internet-Seite barriere-frei?</p>
<p>Das Ergebnis ist: Die Seite ist noch nicht ganz barriere-frei.</p>
<p>Diese Dinge sind noch nicht barriere-frei:</p>
<ul>
<li>Einige alte Dokumente.</li>
<li>Das Video in Gebärden-Sprache gibt es noch nicht.</li>
<li>Nur diese Seite ist in Leichter Sprache.</li>
</ul>
<p>Das alles steht in einem Text.</p>
<p>Der Text heißt: <a href="/barrierefreiheit/">Erklärung zur Barriere-Freiheit</a>.</p>
<p>Der Text ist nicht in Leichter Sprache.</p>

<h2>Sie finden eine Barriere?</h2>
<p>Dann sagen Sie uns bitte Bescheid.</p>
<p>Schreiben Sie uns eine E-Mail.</p>
<p>Das ist unsere E-Mail-Adresse:</p>
<p><a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a></p>
<p>Schreiben Sie bitte:</p>
<ul>
<li>Auf welcher Seite ist die Barriere?</li>
<li>Was hat nicht geklappt?</li>
</ul>
<p>Wir antworten Ihnen.</p>
<p>Das dauert höchstens 1 Monat.</p>
<p>Sie bekommen keine Antwort von uns?</p>
<p>Oder Sie finden unsere Antwort nicht gut?</p>
<p>Dann gibt es eine Stelle vom Land Rheinland-Pfalz.</p>
<p>Die Stelle hilft Menschen mit Behinderungen.</p>
<p>Die Stelle heißt: Durchsetzungs-Stelle.</p>
<p>Die Stelle prüft dann unsere Internet-Seite.</p>
<p>Die Adresse steht in der <a href="/barrierefreiheit/">Erklärung zur Barriere-Freiheit</a>.</p>

<h2>Gebärden-Sprache</h2>
<p>Gebärden-Sprache ist eine Sprache mit den Händen.</p>
<p>Viele gehörlose Menschen sprechen Gebärden-Sprache.</p>
<p>Gehörlos heißt: Ein Mensch kann nicht hören.</p>
<p>Wir machen ein Video über KLmitWirkung in Gebärden-Sprache.</p>
<p>Das Video ist noch nicht fertig.</p>
<p>Bis dahin gibt es einen Text.</p>
<p>Hier ist die Seite: <a href="/gebaerdensprache/">Gebärden-Sprache</a>.</p>

<h2>Haben Sie Fragen?</h2>
<p>Dann schreiben Sie uns eine E-Mail.</p>
<p>Das ist unsere E-Mail-Adresse:</p>
<p><a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a></p>
<p>Wir helfen Ihnen gern.</p>""",
    },
    {
        "slug": "gebaerdensprache",
        "title": "Gebärdensprache",
        "body": """<p>Auf dieser Seite erklären wir KLmitWirkung in Deutscher Gebärdensprache (<abbr title="Deutsche Gebärdensprache">DGS</abbr>). Das Video ist noch in Vorbereitung. Bis es fertig ist, finden Sie unten eine Zusammenfassung als Text.</p>

<div class="video-placeholder" role="note"><p>Hier erscheint das DGS-Video „KLmitWirkung in Deutscher Gebärdensprache“. Es ist zurzeit in Vorbereitung.</p></div>

<h2>Was das Video erklärt</h2>

<h3>Was ist KLmitWirkung?</h3>
<p>KLmitWirkung ist die Beteiligungsplattform der Stadt Kaiserslautern. Hier informiert die Stadt über ihre Projekte, zum Beispiel über die Smart-City-Projekte. Bürger:innen können ihre Meinung sagen und eigene Ideen einbringen. Die KL.digital GmbH betreibt die Plattform im Auftrag der Stadt.</p>

<h3>Wie kann ich mitmachen?</h3>
<ul>
<li><strong>Lesen:</strong> Alle Projekte und Neuigkeiten können Sie ohne Anmeldung lesen.</li>
<li><strong>Konto anlegen:</strong> Zum Mitmachen brauchen Sie ein Konto. Sie geben Ihre E-Mail-Adresse an und wählen einen öffentlichen Namen. Ihren echten Namen müssen Sie nicht angeben. Danach bestätigen Sie Ihre E-Mail-Adresse über einen Link.</li>
<li><strong>Abstimmen:</strong> Bei Abstimmungen und Umfragen hat jede Person eine Stimme. Niemand sieht, wie Sie abgestimmt haben.</li>
<li><strong>Vorschläge und Kommentare:</strong> Sie können eigene Vorschläge machen und die Vorschläge anderer unterstützen und kommentieren. Das Moderationsteam liest jeden Beitrag, bevor er erscheint.</li>
<li><strong>Antworten der Stadt:</strong> Die Stadt antwortet offiziell auf Vorschläge. Sie sehen auch, wie weit ein Vorschlag ist.</li>
</ul>
<p>Ausführlich steht das auf der Seite „<a href="/so-funktionierts/">So funktioniert’s</a>“.</p>

<h3>Wie finde ich mich zurecht?</h3>
<p>Oben auf jeder Seite führt das Menü zu den Projekten, zu den Abstimmungen, zu den Vorschlägen und zur Seite „So funktioniert’s“. Rechts daneben melden Sie sich an oder legen ein Konto an („Registrieren“). Ganz unten auf jeder Seite stehen die Links zu Impressum, Datenschutz, Barrierefreiheit, Leichter Sprache und Gebärdensprache und unsere E-Mail-Adresse. Alles lässt sich auch nur mit der Tastatur bedienen.</p>

<h3>Wie barrierefrei ist KLmitWirkung?</h3>
<p>KLmitWirkung ist teilweise barrierefrei. Was noch fehlt – zum Beispiel dieses Video –, steht in der <a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>. Dort steht auch, an wen Sie sich wenden können, wenn wir eine Barriere nicht beseitigen: an die Schlichtungsstelle und an die Durchsetzungsstelle des Landes Rheinland-Pfalz.</p>

<h3>Wie erreiche ich das Team?</h3>
<p>Sie erreichen das Team von KLmitWirkung per E-Mail. Das ist für gehörlose und schwerhörige Menschen der einfachste Weg: Sie müssen nicht anrufen. Schreiben Sie an <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a>. Wir antworten Ihnen schriftlich.</p>
<p>Sie haben Hinweise zum geplanten Video oder wünschen sich weitere Inhalte in Gebärdensprache? Ist Ihnen eine Barriere aufgefallen? Auch dann freuen wir uns über Ihre E-Mail.</p>

<h2>Weitere Angebote</h2>
<ul>
<li><a href="/leichte-sprache/">KLmitWirkung in Leichter Sprache</a></li>
<li><a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a></li>
</ul>""",
    },
    {
        "slug": "so-funktionierts",
        "title": "So funktioniert’s",
        "body": """<p>Auf KLmitWirkung können alle Bürger:innen von Kaiserslautern mitreden: bei den Smart-City-Projekten der Stadt, bei Umfragen aus dem Rathaus und mit eigenen Ideen. So funktioniert die Beteiligung – in fünf Schritten.</p>

<ol>
<li>
<h2>Informieren</h2>
<p>Lesen Sie, woran die Stadt gerade arbeitet: Projektseiten erklären die Vorhaben, Neuigkeiten berichten über den aktuellen Stand. Dafür brauchen Sie kein Konto.</p>
</li>

<li>
<h2>Konto anlegen</h2>
<p>Zum Abstimmen, für Vorschläge und Kommentare brauchen Sie ein Konto:</p>
<ul>
<li>Sie geben Ihre E-Mail-Adresse und ein Passwort an.</li>
<li>Sie wählen einen öffentlichen Namen. Er erscheint bei Ihren Beiträgen. Ihren echten Namen müssen Sie nicht angeben.</li>
<li>Sie erhalten eine Bestätigungs-E-Mail. Mit dem Link darin bestätigen Sie Ihre Adresse – danach können Sie loslegen.</li>
</ul>
<p>Welche Daten wir dabei speichern, steht in der <a href="/datenschutz/">Datenschutzerklärung</a>.</p>
</li>

<li>
<h2>Abstimmen</h2>
<p>In Abstimmungen und Umfragen fragt die Stadt nach Ihrer Meinung – zum Beispiel bei „Stadt.Raum.Wir.“: Welche Veranstaltung soll einen freien Platz in der Innenstadt als erste nutzen?</p>
<ul>
<li>Jede Person hat eine Stimme. Andere sehen nicht, wie Sie abgestimmt haben.</li>
<li>Nicht alle sind online: Bei manchen Abstimmungen sammelt die Stadt auch Stimmen auf Papier, etwa an Marktständen wie bei „Lautern blüht auf“.</li>
<li>Die Papierstimmen tragen Mitarbeiter:innen nach dem Vier-Augen-Prinzip ein – immer zu zweit.</li>
<li>Online- und Papierstimmen werden zusammen gezählt. Im Ergebnis sehen Sie außerdem getrennt, wie viele Stimmen online und wie viele auf Papier abgegeben wurden.</li>
</ul>
</li>

<li>
<h2>Vorschläge machen und diskutieren</h2>
<p>Sie haben eine Idee für Kaiserslautern? Reichen Sie einen Vorschlag ein. Unterstützen Sie die Vorschläge anderer und diskutieren Sie in den Kommentaren mit.</p>
<p>Jeder Beitrag wird vom Moderationsteam geprüft, bevor er erscheint – in der Regel innerhalb eines Arbeitstages. Dabei gelten diese Regeln:</p>
<ul>
<li><strong>Respektvoll bleiben:</strong> Kritik an Ideen ist willkommen, Angriffe auf Menschen nicht.</li>
<li><strong>Keine persönlichen Daten anderer:</strong> Nennen Sie keine Namen, Adressen oder Telefonnummern anderer Personen.</li>
<li><strong>Keine Werbung:</strong> für Firmen, Produkte oder Parteien.</li>
</ul>
<p>Beiträge, die gegen die Regeln verstoßen, geben wir nicht frei.</p>
</li>

<li>
<h2>Rückmeldung</h2>
<p>Die Stadt antwortet offiziell auf Vorschläge – als „Stellungnahme der Stadt“ direkt beim Vorschlag. Am Status sehen Sie jederzeit, wie weit ein Vorschlag ist:</p>
<dl>
<dt>eingereicht</dt>
<dd>Der Vorschlag ist eingegangen. Nach der Freigabe durch die Moderation können andere ihn unterstützen und kommentieren.</dd>
<dt>in Prüfung</dt>
<dd>Die zuständige Stelle der Stadt prüft den Vorschlag.</dd>
<dt>angenommen</dt>
<dd>Die Stadt will den Vorschlag umsetzen.</dd>
<dt>abgelehnt</dt>
<dd>Der Vorschlag wird nicht umgesetzt. Die Stellungnahme nennt die Gründe.</dd>
<dt>umgesetzt</dt>
<dd>Der Vorschlag ist Wirklichkeit geworden.</dd>
</dl>
</li>
</ol>

<h2>Fragen?</h2>
<p>Schreiben Sie uns an <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a>. Eine einfache Erklärung finden Sie auch in <a href="/leichte-sprache/">Leichter Sprache</a>.</p>""",
    },
    {
        "slug": "ueber-uns",
        "title": "Über uns",
        "body": """<p>KLmitWirkung ist die Beteiligungsplattform der Stadt Kaiserslautern. Hier erfahren Sie, was die Stadt plant, und können mitentscheiden: in Abstimmungen, mit eigenen Vorschlägen und im Gespräch mit anderen Bürger:innen.</p>

<h2>Wer hinter KLmitWirkung steht</h2>
<p>Die Plattform wird von der KL.digital GmbH betrieben, der Digitalagentur der Stadt Kaiserslautern, im Auftrag der Stadt. KL.digital kümmert sich um Technik und Betrieb der Plattform. Die Inhalte der Projekte und die offiziellen Antworten kommen von den zuständigen Stellen der Stadtverwaltung.</p>

<h2>Smart City Kaiserslautern</h2>
<p>Kaiserslautern gehört zu den Städten im Förderprogramm „Modellprojekte Smart Cities“ des Bundes. In acht Projekten erprobt die Stadt, wie digitale Werkzeuge den Alltag in Kaiserslautern verbessern können – für alle, die hier leben, arbeiten und zu Gast sind. Auf KLmitWirkung stellen wir diese Projekte vor und fragen Sie nach Ihrer Meinung. Dazu kommen weitere Themen der Stadt, zum Beispiel Umfragen aus dem Rathaus.</p>

<h2>Warum Beteiligung zählt</h2>
<p>Niemand kennt die Stadt so gut wie die Menschen, die in ihr leben. Wer in Kaiserslautern wohnt, arbeitet oder studiert, weiß, wo es hakt und was gut funktioniert. Beteiligung macht Entscheidungen besser und nachvollziehbarer. Deshalb gilt auf KLmitWirkung:</p>
<ul>
<li>Jede Stimme zählt gleich – ob online abgegeben oder auf Papier am Marktstand.</li>
<li>Jeder Vorschlag bekommt eine Rückmeldung der Stadt.</li>
<li>Die Moderation sorgt für einen respektvollen Umgang miteinander.</li>
</ul>
<p>Wie das im Einzelnen abläuft, erklärt die Seite „<a href="/so-funktionierts/">So funktioniert’s</a>“.</p>

<h2>Grußwort</h2>
<blockquote>
<p>„Liebe Kaiserslauterer:innen, liebe Gäste unserer Stadt,</p>
<p>eine Stadt lebt von den Menschen, die sie gestalten. Mit KLmitWirkung öffnen wir die Türen des Rathauses ein Stück weiter: Sie können sich informieren, abstimmen und eigene Ideen einbringen – wann und wo es Ihnen passt. Wer lieber auf dem Markt mit uns spricht, dessen Stimme zählt genauso.</p>
<p>Ich lade Sie herzlich ein: Machen Sie mit, diskutieren Sie fair und sagen Sie uns, was Ihnen wichtig ist. Wir hören zu, und wir antworten. Gemeinsam machen wir Kaiserslautern zu einer Stadt, in der digitale Angebote den Menschen dienen.“</p>
<footer>Die Oberbürgermeisterin der Stadt Kaiserslautern <em>(Beispieltext, bis das Grußwort vorliegt)</em></footer>
</blockquote>

<h2>Offene Software</h2>
<p>KLmitWirkung ist Open-Source-Software. Der Quellcode ist öffentlich, sodass andere Städte und Gemeinden die Plattform prüfen, nutzen und weiterentwickeln können.</p>

<h2>Kontakt</h2>
<p>Fragen, Lob oder Kritik? Schreiben Sie uns an <a href="mailto:info@klmitwirkung.de">info@klmitwirkung.de</a>.</p>""",
    },
]
