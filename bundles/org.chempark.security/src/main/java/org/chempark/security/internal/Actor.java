package org.chempark.security.internal;

import org.chempark.sdk.security.Subject;

/** Who does a change, from where: what an audit row records about the doer. */
record Actor(Subject subject, String source, String method, String path) {

    AuditLog.Event event(String action, Integer status, String detail) {
        return new AuditLog.Event(subject == null ? null : subject.userId(), subject == null ? null : subject.username(),
                subject == null ? null : subject.organisationId(), action, source, method, path, status, detail);
    }

    static Actor system() {
        return new Actor(Subject.system("security"), "localhost", null, null);
    }
}
