/** REST conventions: base path, service properties, RFC 7807 problems, paging and validation. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.rest;
