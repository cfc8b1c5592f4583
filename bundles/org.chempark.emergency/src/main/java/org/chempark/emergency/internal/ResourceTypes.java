package org.chempark.emergency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The types of each resource category, with their Chinese names, and which types suit which hazard
 * (for the response plan's "nearest suitable resources").
 */
final class ResourceTypes {
    static final Map<String, Map<String, String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("EXPERT", ordered("CHEMICAL_PROCESS", "化工工艺", "FIRE", "消防", "TOXIC_GAS", "危化品/中毒防护", "MEDICAL", "医疗救护",
                "ENVIRONMENT", "环境监测", "EQUIPMENT", "设备/压力容器"));
        TYPES.put("TEAM", ordered("FIRE_BRIGADE", "消防救援队", "GAS_PROTECTION", "气体防护队", "HAZMAT", "危化品处置队", "MEDICAL", "医疗救护队",
                "ENTERPRISE", "企业专职/兼职救援队", "ENVIRONMENT", "环境监测队"));
        TYPES.put("MATERIAL", ordered("FOAM", "泡沫灭火剂", "SCBA", "正压式空气呼吸器", "PROTECTIVE_SUIT", "防化服", "ABSORBENT", "吸附材料",
                "NEUTRALISER", "中和/洗消药剂", "BOOM", "围油栏", "SANDBAG", "沙袋", "FIRST_AID", "急救药品"));
        TYPES.put("EQUIPMENT", ordered("FIRE_TRUCK", "消防车", "FOAM_TRUCK", "泡沫消防车", "AMBULANCE", "救护车", "GAS_DETECTOR",
                "便携式气体检测仪", "WATER_CANNON", "移动水炮/水幕", "PUMP", "排污/输转泵", "DECON_UNIT", "洗消设备"));
    }

    /** Types that suit a toxic release (gas protection, water curtains, decontamination, medical). */
    static final Set<String> TOXIC = Set.of("TOXIC_GAS", "MEDICAL", "CHEMICAL_PROCESS", "ENVIRONMENT", "GAS_PROTECTION", "HAZMAT",
            "FIRE_BRIGADE", "SCBA", "PROTECTIVE_SUIT", "NEUTRALISER", "ABSORBENT", "FIRST_AID", "AMBULANCE", "GAS_DETECTOR",
            "WATER_CANNON", "DECON_UNIT");
    /** Types that suit a fire or explosion (and a flammable cloud). */
    static final Set<String> FIRE = Set.of("FIRE", "MEDICAL", "CHEMICAL_PROCESS", "EQUIPMENT", "FIRE_BRIGADE", "HAZMAT", "ENTERPRISE",
            "FOAM", "SCBA", "FIRST_AID", "SANDBAG", "FIRE_TRUCK", "FOAM_TRUCK", "AMBULANCE", "WATER_CANNON", "GAS_DETECTOR");

    private ResourceTypes() {
    }

    static boolean known(String category, String type) {
        Map<String, String> t = TYPES.get(category);
        return t != null && t.containsKey(type);
    }

    static String nameZh(String category, String type) {
        Map<String, String> t = TYPES.get(category);
        return t == null ? type : t.getOrDefault(type, type);
    }

    /** Whether a resource type suits the hazards present (TOXIC, FLAMMABLE, HEAT, OVERPRESSURE). */
    static boolean suits(String type, Set<String> hazards) {
        boolean toxic = hazards.contains("TOXIC");
        boolean fire = hazards.contains("FLAMMABLE") || hazards.contains("HEAT") || hazards.contains("OVERPRESSURE");
        return (toxic && TOXIC.contains(type)) || (fire && FIRE.contains(type));
    }

    static List<String> categories() {
        return List.copyOf(TYPES.keySet());
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
