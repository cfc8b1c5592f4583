package org.chempark.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Security policy; the defaults meet 等保 2.0 level 3. Configured in {@code etc/org.chempark.security.cfg}. */
@ObjectClassDefinition(id = SecurityConfig.PID, name = "ChemPark security 安全策略",
        description = "Password, lockout and session policy. The defaults meet 等保 2.0 level 3.")
public @interface SecurityConfig {
    String PID = "org.chempark.security";

    @AttributeDefinition(name = "Minimum password length 密码最小长度", min = "8", max = "128")
    int password_minLength() default 10;

    @AttributeDefinition(name = "Character classes 字符类别", description = "of lower case, upper case, digits, symbols", min = "1", max = "4")
    int password_minClasses() default 3;

    @AttributeDefinition(name = "Password expiry days 密码有效期(天)", description = "0 = never", min = "0")
    int password_expiryDays() default 90;

    @AttributeDefinition(name = "Password history 历史密码不可重复数", min = "0", max = "24")
    int password_history() default 5;

    @AttributeDefinition(name = "PBKDF2 iterations 迭代次数", min = "210000")
    int password_iterations() default 210_000;

    @AttributeDefinition(name = "Failed logins before lockout 登录失败锁定次数", min = "1", max = "100")
    int lockout_attempts() default 5;

    @AttributeDefinition(name = "Lockout minutes 锁定时长(分钟)", min = "1")
    int lockout_minutes() default 15;

    @AttributeDefinition(name = "Idle timeout minutes 会话空闲超时(分钟)", min = "1")
    int session_idleMinutes() default 30;

    @AttributeDefinition(name = "Session lifetime hours 会话最长时长(小时)", min = "1", max = "72")
    int session_hours() default 8;

    @AttributeDefinition(name = "Concurrent sessions per user 每用户并发会话数", min = "1", max = "100")
    int session_maxConcurrent() default 3;

    @AttributeDefinition(name = "Access token minutes 访问令牌有效期(分钟)", min = "1", max = "60")
    int token_accessMinutes() default 15;

    @AttributeDefinition(name = "Login requests per minute per address 每地址每分钟登录次数", min = "1")
    int login_ratePerMinute() default 10;
}
