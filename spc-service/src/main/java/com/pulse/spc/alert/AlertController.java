package com.pulse.spc.alert;

import com.pulse.identity.Caller;
import com.pulse.spc.product.SpcAccess;
import com.pulse.spc.product.SpcProblems;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/** {@code /api/spc/alerts}: raise by hand, list, read, statistics, acknowledge, resolve. */
@RestController
@RequestMapping("/api/spc/alerts")
class AlertController {

  private final AlertService service;
  private final AlertRepository alerts;
  private final AlertStatistics statistics;

  AlertController(AlertService service, AlertRepository alerts, AlertStatistics statistics) {
    this.service = service;
    this.alerts = alerts;
    this.statistics = statistics;
  }

  @PostMapping
  ResponseEntity<Alert> raise(@Valid @RequestBody ManualAlertRequest request, Caller user) {
    SpcAccess.requireManage(user, "raise alerts by hand");
    Alert alert = service.raiseManually(request, user);
    return ResponseEntity.created(URI.create("/api/spc/alerts/" + alert.id())).body(alert);
  }

  @GetMapping
  AlertPage list(@Valid @ModelAttribute AlertQuery query, BindingResult errors,
      @RequestParam MultiValueMap<String, String> parameters, Caller user) throws BindException {
    SpcAccess.requireRead(user);
    checked(query, errors, parameters);
    long total = alerts.count(query);
    return new AlertPage(alerts.page(query), query.page(), query.size(), total,
        (total + query.size() - 1) / query.size());
  }

  @GetMapping("/stats")
  AlertStats stats(@Valid @ModelAttribute AlertQuery query, BindingResult errors,
      @RequestParam MultiValueMap<String, String> parameters, Caller user) throws BindException {
    SpcAccess.requireRead(user);
    checked(query, errors, parameters);
    return statistics.of(query);
  }

  @GetMapping("/{id}")
  Alert get(@PathVariable long id, Caller user) {
    SpcAccess.requireRead(user);
    return alerts.find(id).orElseThrow(() -> SpcProblems.notFound("Alert " + id));
  }

  @PostMapping("/{id}/acknowledge")
  Alert acknowledge(@PathVariable long id, Caller user) {
    if (!SpcAccess.mayMeasure(user)) {
      throw new AccessDeniedException("Only OPERATOR, QUALITY and ADMIN users acknowledge alerts.");
    }
    return service.acknowledge(id, user);
  }

  @PostMapping("/{id}/resolve")
  Alert resolve(@PathVariable long id, @Valid @RequestBody ResolveRequest request, Caller user) {
    SpcAccess.requireManage(user, "resolve alerts");
    return service.resolve(id, request, user);
  }

  /** Filters come from the query string only: Spring would also bind request headers of the same names (From). */
  @InitBinder("alertQuery")
  void queryStringOnly(WebDataBinder binder) {
    if (binder instanceof ExtendedServletRequestDataBinder servlet) {
      servlet.setHeaderPredicate(header -> false);
    }
  }

  private static void checked(AlertQuery query, BindingResult errors, MultiValueMap<String, String> parameters)
      throws BindException {
    AlertQuery.check(query, parameters, errors);
    if (errors.hasErrors()) {
      throw new BindException(errors);
    }
  }

  record AlertPage(List<Alert> items, int page, int size, long totalItems, long totalPages) {}
}
