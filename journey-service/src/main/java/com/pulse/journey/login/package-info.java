/**
 * The kiosk's simple login (seed 003: the phone's last four digits and the birth date), verified here for the
 * gateway, which issues the token. Service to service only: under {@code /internal}, which the gateway does not
 * route, and only for a {@code SERVICE} token.
 */
package com.pulse.journey.login;
