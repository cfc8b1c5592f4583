/** 重大危险源: GB 18218-2018 identification and grading results of the park's units. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.hazard;
