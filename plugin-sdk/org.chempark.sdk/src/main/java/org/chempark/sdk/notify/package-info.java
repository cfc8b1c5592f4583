/** Notifications: the outbox every module sends through and the channel SPI that delivers them. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.notify;
