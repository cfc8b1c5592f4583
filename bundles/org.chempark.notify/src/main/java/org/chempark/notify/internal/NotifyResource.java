package org.chempark.notify.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.Authenticated;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/notify/...}: the caller's in-app inbox; the outbox with every delivery and attempt. */
@Component(service = NotifyResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + NotifyModule.ID })
@Path("notify")
@Produces(MediaType.APPLICATION_JSON)
public class NotifyResource {
    private final NotifyService notify;

    @Activate
    public NotifyResource(@Reference NotifyService notify) {
        this.notify = notify;
    }

    /** Messages addressed to the caller, to one of the caller's roles, or (enterprise users) to the caller's enterprise. */
    @GET
    @Path("inbox")
    @Authenticated
    public Page<Inbox.Message> inbox(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("unread") boolean unread) {
        return notify.inbox.list(CurrentSubject.get(), PageQuery.parse(page, size, null, Set.of()), unread);
    }

    @POST
    @Path("inbox/{id}/read")
    @Authenticated
    public Response read(@PathParam("id") long id) {
        notify.inbox.markRead(CurrentSubject.get(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("outbox")
    @RequiresPermission("notify:read")
    public Page<Outbox.OutboxRow> outbox(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("status") String status) {
        if (status != null && !Set.of("PENDING", "DELIVERED", "LOGGED", "FAILED").contains(status)) {
            throw new ProblemException(400, "Bad request", "status must be PENDING, DELIVERED, LOGGED or FAILED",
                    List.of(new FieldError("status", "enum", "PENDING, DELIVERED, LOGGED or FAILED")));
        }
        return notify.outbox.outbox(PageQuery.parse(page, size, null, Set.of()), status);
    }

    @GET
    @Path("outbox/{id}")
    @RequiresPermission("notify:read")
    public Outbox.OutboxRow one(@PathParam("id") long id) {
        return notify.outbox.one(id);
    }

    /** Every attempt of one delivery of a notification. */
    @GET
    @Path("outbox/{id}/deliveries/{deliveryId}/attempts")
    @RequiresPermission("notify:read")
    public List<Map<String, Object>> attempts(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        Outbox.OutboxRow o = notify.outbox.one(id);
        if (o.deliveries().stream().noneMatch(d -> d.id() == deliveryId)) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
        return notify.outbox.attempts(deliveryId);
    }

    @GET
    @Path("statistics")
    @RequiresPermission("notify:read")
    public List<Map<String, Object>> statistics() {
        return notify.outbox.statistics();
    }
}
