package org.chempark.bridge.mqtt.internal;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Gives every message the core default priority (4) before the broker stores and routes it.
 * Artemis creates MQTT messages with priority 0, and its core client then acknowledges each
 * message on its own (a packet and a journal operation per message), because with priorities
 * other than the default it cannot rely on delivery order. MQTT has no priorities, so all ingest
 * messages carry the same one and the {@link IngestLoop} acknowledges a whole batch at once.
 */
final class DefaultPriority implements ActiveMQServerMessagePlugin {
    static final byte DEFAULT = 4;

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        message.setPriority(DEFAULT);
    }
}
