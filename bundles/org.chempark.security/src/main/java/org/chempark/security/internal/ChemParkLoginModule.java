package org.chempark.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.chempark.sdk.rest.ProblemException;

/**
 * JAAS login module of the {@code karaf} realm (SSH console, web console, JMX): checks the
 * username and password against the platform's users ({@link AuthService#consoleLogin}, with
 * lockout and audit) and grants the Karaf roles {@link ConsoleRealm#KARAF_ROLES} to users holding
 * {@code security:console}. Karaf's {@code ProxyLoginModule} creates it from this bundle; the
 * {@link ConsoleRealm} passes the authenticator in the options.
 */
public class ChemParkLoginModule implements LoginModule {
    /** Option holding the {@link Authenticator}. */
    static final String AUTHENTICATOR = "chempark.console.authenticator";

    /** Checks a console login; throws a {@link ProblemException} when refused. */
    @FunctionalInterface
    interface Authenticator {
        org.chempark.sdk.security.Subject login(String username, String password);
    }

    private Subject subject;
    private CallbackHandler handler;
    private Authenticator authenticator;
    private String username;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = callbackHandler;
        Object a = options.get(AUTHENTICATOR);
        this.authenticator = a instanceof Authenticator auth ? auth : null;
    }

    @Override
    public boolean login() throws LoginException {
        if (authenticator == null) {
            throw new LoginException("the ChemPark console realm is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot ask for username and password: " + e.getMessage());
        }
        char[] pw = password.getPassword();
        password.clearPassword();
        if (name.getName() == null || pw == null) {
            throw new FailedLoginException("username and password required");
        }
        try {
            authenticator.login(name.getName(), new String(pw));
        } catch (ProblemException e) {
            throw new FailedLoginException(e.detail());
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        username = name.getName();
        principals.clear();
        principals.add(new UserPrincipal(username));
        for (String role : ConsoleRealm.KARAF_ROLES) {
            principals.add(new RolePrincipal(role));
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (username == null) {
            return false;
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        username = null;
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        username = null;
        return true;
    }
}
