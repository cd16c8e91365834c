from django.urls import path

from .views import attitude, home, indicators, operations, records

app_name = "ledgers"
urlpatterns = [
    path("<slug:agency>/ledgers/", home.ledger_home, name="home"),
    # monthly indicators
    path("<slug:agency>/ledgers/indicators/", indicators.indicator_index, name="indicators"),
    path("<slug:agency>/ledgers/indicators/import/", indicators.indicator_import_view,
         name="indicator-import"),
    path("<slug:agency>/ledgers/indicators/<slug:code>/<int:year>/",
         indicators.indicator_grid_view, name="indicator-grid"),
    path("<slug:agency>/ledgers/indicators/<slug:code>/baseline/", indicators.indicator_baseline,
         name="indicator-baseline"),
    path("<slug:agency>/ledgers/tally/", indicators.tally, name="tally"),
    # the simple ledgers, one pattern
    path("<slug:agency>/ledgers/records/<slug:ledger>/", records.record_list, name="record-list"),
    path("<slug:agency>/ledgers/records/<slug:ledger>/new/", records.record_form,
         name="record-create"),
    path("<slug:agency>/ledgers/records/<slug:ledger>/<int:pk>/", records.record_detail,
         name="record-detail"),
    path("<slug:agency>/ledgers/records/<slug:ledger>/<int:pk>/edit/", records.record_form,
         name="record-edit"),
    path("<slug:agency>/ledgers/records/<slug:ledger>/<int:pk>/delete/", records.record_delete,
         name="record-delete"),
    # rotas, imports, link checks
    path("<slug:agency>/ledgers/lunch-duty/roster/", operations.lunch_roster, name="lunch-roster"),
    path("<slug:agency>/ledgers/inspections/rota/", operations.inspection_rota,
         name="inspection-rota"),
    path("<slug:agency>/ledgers/collections/import/", operations.collection_import_view,
         name="collection-import"),
    path("<slug:agency>/ledgers/collections/batches/<int:pk>/delete/",
         operations.collection_batch_delete_view, name="collection-batch-delete"),
    path("<slug:agency>/ledgers/links/", operations.link_runs, name="link-runs"),
    path("<slug:agency>/ledgers/links/check/", operations.link_check_now, name="link-check"),
    path("<slug:agency>/ledgers/links/runs/<int:pk>/", operations.link_run, name="link-run"),
    # execution-attitude reviews
    path("<slug:agency>/attitude/", attitude.attitude_index, name="attitude"),
    path("<slug:agency>/attitude/honour-roll/", attitude.attitude_honour_roll,
         name="honour-roll"),
    path("<slug:agency>/attitude/<str:month>/", attitude.attitude_sheet, name="attitude-sheet"),
    path("<slug:agency>/attitude/<str:month>/submit/", attitude.attitude_submit,
         name="attitude-submit"),
    path("<slug:agency>/attitude/<str:month>/approve/", attitude.attitude_approve,
         name="attitude-approve"),
    path("<slug:agency>/attitude/<str:month>/return/", attitude.attitude_return,
         name="attitude-return"),
    path("<slug:agency>/attitude/<str:month>/export.<str:fmt>", attitude.attitude_export,
         name="attitude-export"),
]
