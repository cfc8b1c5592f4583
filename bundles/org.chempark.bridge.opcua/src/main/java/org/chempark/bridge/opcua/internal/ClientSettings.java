package org.chempark.bridge.opcua.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * The validated settings of one connection (from {@link ClientConfig}). Invalid settings are
 * reported as one message naming every wrong field, which becomes the OFFLINE reason.
 */
record ClientSettings(String name, String endpointUrl, SecurityPolicy securityPolicy, MessageSecurityMode messageMode,
        Auth auth, String username, String password, double publishingInterval, double samplingInterval,
        Map<NodeId, String> mapping, NodeId autoMapFolder, boolean trustFirstCertificate, boolean enabled) {

    enum Auth {
        ANONYMOUS, USERNAME, CERTIFICATE
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Source id: {@code opcua:<name>}. */
    String sourceId() {
        return "opcua:" + name;
    }

    static ClientSettings from(ClientConfig c) {
        List<String> errors = new ArrayList<>();
        String name = c.name() == null ? "" : c.name().trim();
        if (!NAME.matcher(name).matches()) {
            errors.add("name: 1-64 letters, digits, '-' or '_' (got '" + name + "')");
        }
        String url = c.endpointUrl() == null ? "" : c.endpointUrl().trim();
        if (!url.startsWith("opc.tcp://")) {
            errors.add("endpointUrl: must start with opc.tcp:// (got '" + url + "')");
        }
        SecurityPolicy policy = switch (String.valueOf(c.securityPolicy())) {
            case "None" -> SecurityPolicy.None;
            case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
            default -> {
                errors.add("securityPolicy: None or Basic256Sha256 (got '" + c.securityPolicy() + "')");
                yield SecurityPolicy.None;
            }
        };
        MessageSecurityMode mode;
        if (policy == SecurityPolicy.None) {
            mode = MessageSecurityMode.None;
        } else {
            mode = switch (String.valueOf(c.messageMode())) {
                case "Sign" -> MessageSecurityMode.Sign;
                case "SignAndEncrypt" -> MessageSecurityMode.SignAndEncrypt;
                default -> {
                    errors.add("messageMode: Sign or SignAndEncrypt (got '" + c.messageMode() + "')");
                    yield MessageSecurityMode.SignAndEncrypt;
                }
            };
        }
        Auth auth;
        try {
            auth = Auth.valueOf(String.valueOf(c.auth()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("auth: anonymous, username or certificate (got '" + c.auth() + "')");
            auth = Auth.ANONYMOUS;
        }
        if (auth == Auth.USERNAME && (c.username() == null || c.username().isBlank())) {
            errors.add("username: required when auth=username");
        }
        if (auth == Auth.CERTIFICATE && policy == SecurityPolicy.None) {
            errors.add("auth: certificate needs securityPolicy Basic256Sha256");
        }
        if (c.publishingInterval() < 50) {
            errors.add("publishingInterval: at least 50 ms (got " + c.publishingInterval() + ")");
        }
        if (c.samplingInterval() < 0) {
            errors.add("samplingInterval: 0 (fastest) or more ms (got " + c.samplingInterval() + ")");
        }
        Map<NodeId, String> mapping = new LinkedHashMap<>();
        // one entry per array element; a .cfg file gives one string, so entries may also be separated by commas or new lines
        String[] entries = java.util.Arrays.stream(c.mapping() == null ? new String[0] : c.mapping())
                .flatMap(e -> java.util.Arrays.stream(String.valueOf(e).split("[,\\n]"))).toArray(String[]::new);
        for (int i = 0; i < entries.length; i++) {
            String e = entries[i] == null ? "" : entries[i].trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.lastIndexOf('=');
            NodeId node = eq > 0 ? NodeId.parseOrNull(e.substring(0, eq).trim()) : null;
            String point = eq > 0 ? e.substring(eq + 1).trim() : "";
            if (node == null || point.isEmpty()) {
                errors.add("mapping[" + i + "]: expected nodeId=pointCode, e.g. ns=2;s=Tank1.Level=T101-LT-01 (got '" + e + "')");
            } else {
                mapping.put(node, point);
            }
        }
        NodeId folder = null;
        if (c.autoMapFolder() != null && !c.autoMapFolder().isBlank()) {
            folder = NodeId.parseOrNull(c.autoMapFolder().trim());
            if (folder == null) {
                errors.add("autoMapFolder: not a NodeId, e.g. ns=2;s=Points (got '" + c.autoMapFolder() + "')");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new ClientSettings(name, url, policy, mode, auth, c.username(), c.password() == null ? "" : c.password(),
                c.publishingInterval(), c.samplingInterval(), java.util.Collections.unmodifiableMap(mapping), folder, c.trustFirstCertificate(), c.enabled());
    }
}
