/**
 * Security for modules: who is calling ({@link org.chempark.sdk.security.CurrentSubject}),
 * what a REST method needs ({@link org.chempark.sdk.security.RequiresPermission},
 * {@link org.chempark.sdk.security.Authenticated}, {@link org.chempark.sdk.security.PublicEndpoint}),
 * and which enterprises' records the caller may see ({@link org.chempark.sdk.security.DataScope}).
 *
 * <p>The platform's security bundle authenticates every request to {@code /api/v1}, checks
 * these annotations before the resource method runs and puts the caller in the
 * {@link org.chempark.sdk.security.SubjectHolder} for the request. A resource method with
 * none of the three annotations is refused with 403 (deny by default).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.chempark.sdk.security;
