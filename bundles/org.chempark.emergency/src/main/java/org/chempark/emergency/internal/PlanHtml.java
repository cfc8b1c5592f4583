package org.chempark.emergency.internal;

import java.util.List;
import java.util.Map;

/**
 * The response plan as a printable HTML page (A4, Chinese first with English), with a sketch map of
 * the zones (SVG in the park frame, no tiles) and a print button hidden when printing.
 */
final class PlanHtml {
    private static final String[] ZONE_COLOURS = { "#d7191c", "#fdae61", "#ffd92f", "#abd9e9", "#2c7bb6" };

    private PlanHtml() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> plan, Map<String, Object> scenario, List<double[]> parkBoundary) {
        StringBuilder h = new StringBuilder(16_384);
        Map<String, Object> chem = (Map<String, Object>) plan.get("chemical");
        Map<String, Object> weather = (Map<String, Object>) plan.get("weather");
        Map<String, Object> summary = (Map<String, Object>) plan.get("summary");
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>应急处置方案 Response plan — ")
                .append(esc(plan.get("name"))).append("</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;margin:24px;color:#222;font-size:13px}")
                .append("h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;border-bottom:2px solid #b00;padding-bottom:2px;margin-top:18px}")
                .append("table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}")
                .append("th{background:#eee}.en{color:#666;font-size:11px}.muted{color:#777}.toolbar{margin:8px 0}")
                .append(".kpi{display:inline-block;border:1px solid #ccc;padding:4px 10px;margin:0 8px 6px 0}.kpi b{font-size:16px}")
                .append("@page{size:A4;margin:15mm}@media print{.toolbar{display:none}body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}")
                .append("</style></head><body>");
        h.append("<div class=\"toolbar\"><button onclick=\"window.print()\">打印 Print</button></div>");
        h.append("<h1>事故应急处置方案 <span class=\"en\">Generated emergency response plan</span></h1>");
        h.append("<div class=\"muted\">情景 Scenario #").append(esc(plan.get("scenarioId"))).append(" · ").append(esc(plan.get("name")))
                .append(" · 生成时间 generated ").append(esc(plan.get("generatedAt"))).append("</div>");
        h.append("<h2>一、事故情景 <span class=\"en\">Scenario</span></h2><table>");
        row(h, "事故类型 Release type", plan.get("releaseTypeZh") + " (" + plan.get("releaseType") + ")");
        row(h, "物质 Chemical", chem.get("nameZh") + " " + chem.get("name") + " (CAS " + chem.get("cas") + ")");
        row(h, "位置 Source", (plan.get("unitCode") == null ? "" : plan.get("unitCode") + " · " + plan.get("enterpriseName") + " · ")
                + "E " + ((Map<String, Object>) plan.get("source")).get("east") + " m, N " + ((Map<String, Object>) plan.get("source")).get("north") + " m");
        row(h, "气象 Weather", "风速 wind " + weather.get("windSpeed") + " m/s，风向（来向）from " + weather.get("windFromDegrees") + "°，稳定度 stability "
                + weather.get("stability") + "，气温 " + weather.get("temperatureC") + " °C，云量 " + weather.get("cloudCoverOktas") + " okta，"
                + (Boolean.TRUE.equals(weather.get("daytime")) ? "白天 day" : "夜间 night") + "<div class=\"muted\">来源 sources: "
                + esc(weather.get("sources")) + "</div>", true);
        row(h, "源强 Source term", esc(plan.get("sourceTerm")), true);
        h.append("</table>");
        h.append("<div><span class=\"kpi\">影响区 Zones <b>").append(summary.get("zones")).append("</b></span>")
                .append("<span class=\"kpi\">涉及企业 Enterprises <b>").append(summary.get("exposedEnterprises")).append("</b></span>")
                .append("<span class=\"kpi\">区内人员估计 People inside (est.) <b>").append(summary.get("peopleInsideEstimate")).append("</b></span>")
                .append("<span class=\"kpi\">多米诺单元 Domino units <b>").append(summary.get("dominoUnits")).append("</b></span>")
                .append("<span class=\"kpi\">最远影响距离 Max distance <b>").append(summary.get("maxDistanceM")).append(" m</b></span></div>");

        h.append("<h2>二、影响区域 <span class=\"en\">Zones</span></h2>");
        h.append(svg(plan, scenario, parkBoundary));
        h.append("<table><tr><th>级别 Level</th><th>类别 Hazard</th><th>阈值 Threshold</th><th>距离 Distance (m)</th><th>区内企业 Enterprises inside (people est.)</th><th>区内单元 Units inside</th></tr>");
        for (Map<String, Object> z : (List<Map<String, Object>>) plan.get("zones")) {
            StringBuilder ents = new StringBuilder();
            for (Map<String, Object> e : (List<Map<String, Object>>) z.get("enterprises")) {
                ents.append(esc(e.get("name"))).append("（").append(e.get("peopleInsideEstimate")).append("）<br>");
            }
            StringBuilder units = new StringBuilder();
            for (Map<String, Object> u : (List<Map<String, Object>>) z.get("units")) {
                units.append(esc(u.get("code"))).append(" ").append(esc(u.get("name"))).append("<br>");
            }
            h.append("<tr><td>").append(z.get("level")).append("</td><td>").append(esc(z.get("nameZh"))).append("<div class=\"en\">")
                    .append(esc(z.get("nameEn"))).append("</div></td><td>")
                    .append(z.get("threshold") == null ? "—" : esc(z.get("threshold")) + " " + esc(z.get("thresholdUnit")))
                    .append("</td><td>").append(z.get("distanceM")).append("</td><td>").append(ents.length() == 0 ? "—" : ents)
                    .append("</td><td>").append(units.length() == 0 ? "—" : units).append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>三、多米诺效应 <span class=\"en\">Units exposed to domino escalation</span></h2>");
        List<Map<String, Object>> domino = (List<Map<String, Object>>) plan.get("domino");
        h.append("<div class=\"muted\">").append(esc(plan.get("dominoNote"))).append("</div>");
        if (!domino.isEmpty()) {
            h.append("<table><tr><th>单元 Unit</th><th>类型 Type</th><th>受到 Value</th><th>阈值 Threshold</th><th>距离 Distance (m)</th></tr>");
            for (Map<String, Object> d : domino) {
                String u = "HEAT_FLUX_KW_M2".equals(d.get("kind")) ? " kW/m²" : " kPa";
                h.append("<tr><td>").append(esc(d.get("code"))).append(" ").append(esc(d.get("name"))).append("</td><td>")
                        .append(esc(d.get("equipmentType"))).append("</td><td>").append(d.get("value")).append(u).append("</td><td>")
                        .append(d.get("threshold")).append(u).append("</td><td>").append(d.get("distanceM")).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>四、救援力量与物资 <span class=\"en\">Nearest suitable resources and teams</span></h2>");
        String[][] cats = { { "TEAM", "救援队伍 Teams" }, { "EQUIPMENT", "装备 Equipment" }, { "MATERIAL", "物资 Materials" }, { "EXPERT", "专家 Experts" } };
        Map<String, List<Map<String, Object>>> res = (Map<String, List<Map<String, Object>>>) plan.get("resources");
        h.append("<table><tr><th>类别 Category</th><th>名称 Name</th><th>类型 Type</th><th>数量 Quantity</th><th>所属 Owner</th><th>距离 Distance (m)</th></tr>");
        for (String[] c : cats) {
            for (Map<String, Object> r : res.getOrDefault(c[0], List.of())) {
                String qty = r.get("members") != null ? r.get("members") + " 人" : r.get("quantity") != null ? r.get("quantity") + " " + esc(r.get("quantityUnit"))
                        : esc(r.get("organisation")) + " " + esc(r.get("mobile"));
                h.append("<tr><td>").append(c[1]).append("</td><td>").append(esc(r.get("name"))).append("</td><td>").append(esc(r.get("typeZh")))
                        .append("</td><td>").append(qty).append("</td><td>").append(esc(r.get("owner"))).append("</td><td>")
                        .append(r.get("distanceM") == null ? "—" : r.get("distanceM")).append("</td></tr>");
            }
        }
        h.append("</table><div class=\"muted\">位于最严重影响区内而未列入 excluded inside the most severe zone: ")
                .append(plan.get("resourcesExcludedInSevereZone")).append("</div>");

        h.append("<h2>五、紧急集合点 <span class=\"en\">Upwind assembly points</span></h2><table><tr><th>名称 Name</th><th>位置 Position</th><th>距离 Distance (m)</th><th>上风向 Upwind</th><th>来源 Origin</th></tr>");
        for (Map<String, Object> a : (List<Map<String, Object>>) plan.get("assemblyPoints")) {
            h.append("<tr><td>").append(esc(a.get("name"))).append("</td><td>E ").append(a.get("east")).append(", N ").append(a.get("north"))
                    .append("</td><td>").append(a.get("distanceM")).append("</td><td>").append(Boolean.TRUE.equals(a.get("upwind")) ? "是 yes" : "侧风 crosswind")
                    .append("</td><td>").append(esc(a.get("origin"))).append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>六、通知名单 <span class=\"en\">Notification list</span></h2><table><tr><th>角色 Role</th><th>单位 Organisation</th><th>联系人 Contact</th><th>电话 Phone</th><th>原因 Reason</th></tr>");
        for (Map<String, Object> n : (List<Map<String, Object>>) plan.get("notifications")) {
            h.append("<tr><td>").append(esc(n.get("role"))).append("</td><td>").append(esc(n.get("organisation"))).append("</td><td>")
                    .append(esc(n.get("contact"))).append("</td><td>").append(esc(n.get("phone"))).append("</td><td>").append(esc(n.get("reason")))
                    .append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>七、假设与局限 <span class=\"en\">Assumptions and limits</span></h2><ul>");
        for (Object a : (List<Object>) plan.get("assumptions")) {
            h.append("<li>").append(esc(a)).append("</li>");
        }
        h.append("</ul><p class=\"muted\">本方案由模型自动生成，用于辅助决策，须由现场指挥结合实际情况确认。"
                + "<span class=\"en\"> Generated by consequence models for decision support; the incident commander confirms it on site.</span></p>");
        h.append("</body></html>");
        return h.toString();
    }

    @SuppressWarnings("unchecked")
    private static String svg(Map<String, Object> plan, Map<String, Object> scenario, List<double[]> boundary) {
        Map<String, Object> fc = (Map<String, Object>) scenario.get("zones");
        double[] b = boundary.isEmpty() ? new double[] { 0, 0, 1, 1 } : Geo.bbox(boundary);
        List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
        for (Map<String, Object> f : features) {
            Map<String, Object> g = (Map<String, Object>) f.get("geometry");
            if ("Polygon".equals(g.get("type"))) {
                for (List<Number> p : ((List<List<List<Number>>>) g.get("coordinates")).get(0)) {
                    b[0] = Math.min(b[0], p.get(0).doubleValue());
                    b[1] = Math.min(b[1], p.get(1).doubleValue());
                    b[2] = Math.max(b[2], p.get(0).doubleValue());
                    b[3] = Math.max(b[3], p.get(1).doubleValue());
                }
            }
        }
        double w = b[2] - b[0], hgt = b[3] - b[1];
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" style=\"max-height:110mm;border:1px solid #ccc\" viewBox=\"")
                .append(fmt(b[0] - w * 0.03)).append(' ').append(fmt(-b[3] - hgt * 0.03)).append(' ').append(fmt(w * 1.06)).append(' ')
                .append(fmt(hgt * 1.06)).append("\">");
        double stroke = Math.max(w, hgt) / 400;
        if (!boundary.isEmpty()) {
            s.append("<polygon points=\"").append(points(boundary)).append("\" fill=\"#f4f4f4\" stroke=\"#666\" stroke-width=\"").append(fmt(stroke)).append("\"/>");
        }
        for (Map<String, Object> f : features) {
            Map<String, Object> g = (Map<String, Object>) f.get("geometry");
            Map<String, Object> p = (Map<String, Object>) f.get("properties");
            if ("Polygon".equals(g.get("type"))) {
                int level = ((Number) p.get("level")).intValue();
                List<double[]> ring = ((List<List<List<Number>>>) g.get("coordinates")).get(0).stream()
                        .map(q -> new double[] { q.get(0).doubleValue(), q.get(1).doubleValue() }).toList();
                s.append("<polygon points=\"").append(points(ring)).append("\" fill=\"").append(ZONE_COLOURS[Math.min(level, 5) - 1])
                        .append("\" fill-opacity=\"0.45\" stroke=\"#333\" stroke-width=\"").append(fmt(stroke / 2)).append("\"><title>")
                        .append(esc(p.get("nameZh"))).append("</title></polygon>");
            } else {
                List<Number> c = (List<Number>) g.get("coordinates");
                s.append("<circle cx=\"").append(fmt(c.get(0).doubleValue())).append("\" cy=\"").append(fmt(-c.get(1).doubleValue()))
                        .append("\" r=\"").append(fmt(stroke * 4)).append("\" fill=\"#000\"/>");
            }
        }
        for (Map<String, Object> a : (List<Map<String, Object>>) plan.get("assemblyPoints")) {
            s.append("<rect x=\"").append(fmt(((Number) a.get("east")).doubleValue() - stroke * 4)).append("\" y=\"")
                    .append(fmt(-((Number) a.get("north")).doubleValue() - stroke * 4)).append("\" width=\"").append(fmt(stroke * 8))
                    .append("\" height=\"").append(fmt(stroke * 8)).append("\" fill=\"#1a9641\"><title>").append(esc(a.get("name"))).append("</title></rect>");
        }
        return s.append("</svg><div class=\"muted\">示意图（园区坐标，北向上；黑点为事故源，绿方块为集合点） Sketch in the park frame, north up; black dot: source, green squares: assembly points</div>").toString();
    }

    private static String points(List<double[]> ring) {
        StringBuilder s = new StringBuilder();
        for (double[] p : ring) {
            s.append(fmt(p[0])).append(',').append(fmt(-p[1])).append(' ');
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }

    private static void row(StringBuilder h, String k, Object v) {
        row(h, k, esc(v), true);
    }

    private static void row(StringBuilder h, String k, String html, boolean raw) {
        h.append("<tr><th style=\"width:22%\">").append(esc(k)).append("</th><td>").append(html).append("</td></tr>");
    }

    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
