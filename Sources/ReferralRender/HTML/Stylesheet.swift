/// The report's inline CSS: system fonts only, readable on a phone (a wide table becomes one
/// card per row, each cell titled; a narrow one scrolls inside its box, never the page), and a
/// print stylesheet that keeps charts and table rows whole.
enum Stylesheet {
  static let css: StaticString = """
    :root { --ink: #1d2330; --muted: #5b6577; --line: #d8dde6; --soft: #f4f6f9; --accent: #0072B2; --warn: #D55E00; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
    main { max-width: 1100px; margin: 0 auto; padding: 16px; }
    header h1 { font-size: 1.6em; margin: 0.2em 0; }
    header p { color: var(--muted); margin: 0.3em 0 1em; }
    nav > ul { list-style: none; padding: 0.5em 0.8em; margin: 0 0 1em; font-size: 0.9em; background: var(--soft); border-radius: 6px; }
    nav > ul > li { margin: 0.2em 0; }
    nav > ul > li > a { font-weight: 600; margin-right: 0.6em; }
    nav ul ul { list-style: none; padding: 0; margin: 0; display: inline-flex; flex-wrap: wrap; gap: 2px 14px; }
    h2.part { font-size: 1.5em; margin-top: 2em; border-bottom: 3px solid var(--ink); }
    nav a, a { color: var(--accent); }
    section { margin: 1.6em 0; }
    h2 { font-size: 1.25em; border-bottom: 2px solid var(--line); padding-bottom: 0.2em; }
    p, li { overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.8em 0; border: 1px solid var(--line); border-radius: 6px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
    th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--soft); text-align: left; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    tfoot td { font-weight: 600; background: var(--soft); }
    td.text { overflow-wrap: anywhere; min-width: 8em; }
    .note { color: var(--muted); font-style: italic; }
    .marker { display: block; white-space: normal; color: var(--muted); font-size: 0.85em; }
    .actions li { margin: 0.3em 0; }
    .actions { border-left: 4px solid var(--warn); padding: 0.4em 1em 0.4em 1.6em; background: #fff7f1; }
    figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-weight: 600; font-size: 0.95em; margin-bottom: 0.3em; }
    svg.chart { width: 100%; height: auto; display: block; max-width: 760px; }
    svg .grid { stroke: #e6e9ef; stroke-width: 1; }
    svg .axis { stroke: #98a1b3; stroke-width: 1; }
    svg .target { stroke: var(--warn); stroke-width: 2; stroke-dasharray: 6 4; }
    svg text { font-family: inherit; fill: var(--ink); }
    svg .tick, svg .value { font-size: 11px; fill: var(--muted); }
    svg .category, svg .legend { font-size: 12px; }
    footer { color: var(--muted); font-size: 0.85em; margin-top: 2em; }
    @media (max-width: 600px) {
      body { font-size: 14px; } main { padding: 10px; } th, td { padding: 5px 7px; }
      table.wide thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.wide, table.wide tbody, table.wide tfoot, table.wide tr { display: block; width: 100%; }
      table.wide tr { border-bottom: 2px solid var(--line); padding: 4px 0; }
      table.wide td { display: flex; justify-content: space-between; gap: 1em; border: none; padding: 2px 8px; text-align: right; white-space: normal; }
      table.wide td::before { content: attr(data-label); text-align: left; color: var(--muted); font-weight: normal; }
      table.wide td { flex-wrap: wrap; row-gap: 0; } table.wide td .marker { flex-basis: 100%; }
      svg .tick, svg .value { font-size: 20px; } svg .category, svg .legend { font-size: 21px; }
    }
    @media print {
      @page { margin: 14mm; }
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      .table-wrap { overflow: visible; border: none; }
      table { font-size: 7.5pt; }
      th, td { padding: 2px 4px; }
      th, th.num { white-space: normal; }
      tr, figure, svg { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; page-break-after: avoid; }
      section { break-inside: auto; }
    }
    """
}
