<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ChargeGroup</name>
    <message numerus="yes">
        <source>%n payment(s) went through but could not be written down yet (%1); they will be at the next start</source>
        <translation>
            <numerusform>%n payment went through but could not be written down yet (%1); it will be at the next start</numerusform>
            <numerusform>%n payments went through but could not be written down yet (%1); they will be at the next start</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) went through but could not be written down yet; they will be at the next start.</source>
        <translation>
            <numerusform>%n payment went through but could not be written down yet; it will be at the next start.</numerusform>
            <numerusform>%n payments went through but could not be written down yet; they will be at the next start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::HistoryPage</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::LineTablePanel</name>
    <message numerus="yes">
        <source>%1 of %n line(s) shown</source>
        <extracomment>How many lines the dashboard&apos;s filter shows, of how many</extracomment>
        <translation>
            <numerusform>%1 of %n line shown</numerusform>
            <numerusform>%1 of %n lines shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::PolicyPreviewPanel</name>
    <message numerus="yes">
        <source>No top-up in the next %n day(s) at the recent pace.</source>
        <translation>
            <numerusform>No top-up in the next day at the recent pace.</numerusform>
            <numerusform>No top-up in the next %n days at the recent pace.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocked by a limit: %n of these top-ups (marked).</source>
        <translation>
            <numerusform>Blocked by a limit: %n of these top-ups (marked).</numerusform>
            <numerusform>Blocked by a limit: %n of these top-ups (marked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n day(s) with these rules</source>
        <translation>
            <numerusform>The next day with these rules</numerusform>
            <numerusform>The next %n days with these rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::RulesAdvisorDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaying the last %n day(s)…</source>
        <translation>
            <numerusform>Replaying the last day…</numerusform>
            <numerusform>Replaying the last %n days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rule(s) replayed over %1 hours of usage, %2; the cheapest that keep the line in data and minutes come first.</source>
        <extracomment>%Ln rules (the count in the language&apos;s digits), over %1 hours (with usage), in the period %2</extracomment>
        <translation>
            <numerusform>%Ln rule replayed over %1 hours of usage, %2; the cheapest that keep the line in data and minutes come first.</numerusform>
            <numerusform>%Ln rules replayed over %1 hours of usage, %2; the cheapest that keep the line in data and minutes come first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topup::TrayNotifier</name>
    <message numerus="yes">
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n new alert</numerusform>
            <numerusform>%n new alerts</numerusform>
        </translation>
    </message>
</context>
</TS>
