package org.chempark.asset;

import java.util.Map;

/** 企业, identified by its unified social credit code (统一社会信用代码, GB 32100-2015). */
public record Enterprise(Long id, String code, String name, String creditCode, String industry, String legalRepresentative,
        String safetyContact, String phone, String address, Integer employees, Map<String, Object> geometry, Integer version) {
}
