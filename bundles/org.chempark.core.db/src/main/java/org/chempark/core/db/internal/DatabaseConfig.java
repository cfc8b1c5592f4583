package org.chempark.core.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = DatabaseConfig.PID, name = "ChemPark database 数据库",
        description = "Embedded PostgreSQL (default) or an external PostgreSQL server.")
public @interface DatabaseConfig {
    String PID = "org.chempark.db";

    @AttributeDefinition(name = "Mode 模式", options = {
            @Option(value = "embedded", label = "Embedded PostgreSQL 内置"),
            @Option(value = "external", label = "External PostgreSQL 外部") })
    String mode() default "embedded";

    @AttributeDefinition(name = "JDBC URL", description = "external mode, e.g. jdbc:postgresql://host:5432/chempark", required = false)
    String url() default "";

    @AttributeDefinition(name = "User 用户", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password 密码", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Embedded port 内置端口", description = "0 picks a free port on first start and records it", min = "0", max = "65535")
    int embedded_port() default 0;

    @AttributeDefinition(name = "Embedded data directory 数据目录", description = "empty = ${karaf.data}/postgresql", required = false)
    String embedded_dataDir() default "";

    @AttributeDefinition(name = "Pool size 连接池大小", min = "2", max = "200")
    int pool_maxSize() default 16;
}
