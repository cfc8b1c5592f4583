package org.chempark.report.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ReportConfig.PID, name = "ChemPark reports and hidden dangers 评价报告与隐患")
public @interface ReportConfig {
    String PID = "org.chempark.report";

    @AttributeDefinition(name = "Reminder lead days 到期提前提醒天数", min = "0", max = "365")
    int lead_days() default 30;

    @AttributeDefinition(name = "Largest file in bytes 文件大小上限", description = "at most 50 MiB, the request body limit the report resource declares (ReportResource.MAX_UPLOAD_BYTES)")
    long max_file_bytes() default 52_428_800L;

    @AttributeDefinition(name = "Accepted file types 允许的文件类型")
    String[] allowed_content_types() default { "application/pdf", "image/png", "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip" };

    @AttributeDefinition(name = "File folder 文件目录", description = "empty: <karaf.data>/report/files")
    String storage_dir() default "";

    @AttributeDefinition(name = "Fuzzy match threshold 模糊匹配阈值", description = "share of the query's character bigrams a record must contain")
    double fuzzy_threshold() default 0.6;

    @AttributeDefinition(name = "Sweep interval minutes 到期/超期检查间隔(分钟)", min = "1")
    int sweep_minutes() default 60;
}
