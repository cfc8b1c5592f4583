package org.chempark.itests;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/** A third party reading the server bridge with a Milo client (loaded after chempark-milo is installed). */
final class OpcUaItClient implements AutoCloseable {
    private final OpcUaClient client;

    OpcUaItClient(String url, String user, String password) throws Exception {
        client = OpcUaClient.create(url, eps -> eps.stream().filter(e -> e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri()))
                .findFirst(), b -> b.setIdentityProvider(new UsernameProvider(user, password)).setRequestTimeout(uint(10_000)).build());
        client.connect().get(20, TimeUnit.SECONDS);
    }

    /** Browse names below {@code node} (null: the Objects folder). */
    List<String> browse(String node) throws Exception {
        NodeId id = node == null ? Identifiers.ObjectsFolder : park(node);
        UInteger mask = uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue());
        ReferenceDescription[] refs = client.browse(new BrowseDescription(id, BrowseDirection.Forward, Identifiers.HierarchicalReferences,
                true, mask, uint(BrowseResultMask.All.getValue()))).get(10, TimeUnit.SECONDS).getReferences();
        return refs == null ? List.of() : java.util.Arrays.stream(refs).map(r -> r.getBrowseName().getName()).toList();
    }

    /** Value of a node of the park namespace, e.g. a point code. */
    Object read(String id) throws Exception {
        DataValue v = client.readValue(0, TimestampsToReturn.Both, park(id)).get(10, TimeUnit.SECONDS);
        return v.getValue().getValue();
    }

    private NodeId park(String id) {
        return new NodeId(client.getNamespaceTable().getIndex("urn:chempark:park"), id);
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
