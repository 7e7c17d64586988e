/**
 * The protocol's server side: requests answered from the workspace engine, pushes fanned out to subscribed clients,
 * and runs that several clients can follow.
 */
package dev.same.server.service;
