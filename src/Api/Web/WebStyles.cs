namespace TicketFlow.Api.Web;

/// <summary>
/// The page's one stylesheet: system fonts, a single column that reads on a phone, visible focus, and colours
/// checked for WCAG AA contrast (text 4.5:1 and more on white). State is never shown by colour alone: every badge has words.
/// </summary>
internal static class WebStyles
{
    public const string Css = """
        :root { color: #1b1b1b; background: #fff; font: 100%/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        body { margin: 0; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
        .skip:focus { left: .5rem; }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1rem; border-bottom: 2px solid #1a4480; }
        .brand { font-weight: 700; margin: 0; }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
        .sign-out { margin-left: auto; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        main { max-width: 60rem; padding: 0 1rem 3rem; }
        a { color: #1a4480; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, [tabindex]:focus { outline: 3px solid #c05600; outline-offset: 2px; }
        button { font: inherit; padding: .5rem 1rem; background: #1a4480; color: #fff; border: 2px solid #1a4480; border-radius: 4px; cursor: pointer; min-height: 44px; }
        .sign-out button { background: #fff; color: #1a4480; }
        .field { margin: 1rem 0; display: flex; flex-direction: column; gap: .25rem; max-width: 32rem; }
        .field.check { flex-direction: row; flex-wrap: wrap; align-items: center; }
        .field.check .hint, .field.check .error { flex-basis: 100%; }
        input, select, textarea { font: inherit; padding: .4rem; border: 2px solid #565c65; border-radius: 4px; min-height: 44px; box-sizing: border-box; }
        input[type=checkbox] { min-height: auto; width: 1.5rem; height: 1.5rem; margin-right: .5rem; }
        label { font-weight: 600; }
        .hint { color: #454545; margin: 0; }
        .invalid input, .invalid select, .invalid textarea { border-color: #b50909; border-width: 3px; }
        .error { color: #b50909; font-weight: 700; margin: 0; }
        .error-summary { border: 3px solid #b50909; padding: .5rem 1rem; margin: 1rem 0; }
        .notice { border-left: 6px solid #1a4480; padding: .5rem 1rem; background: #f0f4fa; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
        .counts li { border: 2px solid #565c65; padding: .5rem 1rem; border-radius: 4px; }
        .counts strong { font-size: 1.5rem; margin-right: .25rem; }
        .badge { display: inline-block; padding: 0 .4rem; border: 1px solid #565c65; border-radius: 3px; }
        .badge.overdue { color: #fff; background: #b50909; border-color: #b50909; }
        .badge.late { color: #1b1b1b; background: #ffe396; }
        .badge.met { color: #fff; background: #00703c; border-color: #00703c; }
        .deadlines { padding-left: 1.25rem; }
        .deadlines li { margin: .25rem 0; }
        .rule, .count { color: #454545; font-weight: 400; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
        th, td { border: 1px solid #a9aeb1; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; }
        .actions { gap: .5rem 1.25rem; margin: 1rem 0; }
        .timeline { padding-left: 1.25rem; }
        .kind { font-weight: 600; }
        .finding.blocking strong { color: #b50909; }
        .calendar td { height: 5rem; min-width: 6rem; }
        .calendar .other { color: #454545; background: #f5f5f5; }
        .chart rect.share { fill: #1a4480; }
        .chart rect.attempts { fill: #c05600; }
        .chart text { font-size: 12px; fill: #1b1b1b; }
        @media (max-width: 40rem) { .sign-out { margin-left: 0; } .calendar td { min-width: 3rem; height: auto; } }
        """;
}
