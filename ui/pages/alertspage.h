#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace topup {

class AlertModel;
class Service;
struct CatchUpSummary;

// Everything that needs the user's attention, newest first, unread ones in
// bold; marking them read lowers the count the navigation shows.
class AlertsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)

public:
    explicit AlertsPage(Service &service, QWidget *parent = nullptr);

    int unreadCount() const;
    // The "while you were away" summary of a catch-up made before this page listened.
    void addAwaySummary(const CatchUpSummary &summary);
    AlertModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void unreadCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;
    // Hidden, the rows only go stale (the count still follows); shown, they are read again once if so.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void markSelectedRead();

    AlertModel *m_model;
    QLabel *m_title;
    QLabel *m_summary;
    QTableView *m_view;
    QPushButton *m_markRead;
    QPushButton *m_markAll;
};

} // namespace topup
