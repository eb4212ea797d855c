import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { PortalHome } from '../features/portal/portal-home';
import { RegisterPage } from '../features/registry/register-page';
import { useAuth } from './auth';
import { NotFound } from './not-found';
import { PublicLayout } from './public-layout';
import { WorkspaceLayout } from './workspace-layout';

// Workspace pages are loaded on demand (one chunk each), so the portal stays light.
const OverviewPage = lazy(() => import('../features/overview/overview-page'));
const RegistrationsPage = lazy(() => import('../features/registry/registrations-page'));
const AccountsPage = lazy(() => import('../features/accounts/accounts-page'));
const LedgerPage = lazy(() => import('../features/ledger/ledger-page'));
const TokensPage = lazy(() => import('../features/tokens/tokens-page'));
const PasswordPage = lazy(() => import('../features/auth/password-page'));
const ExpertProfilePage = lazy(() => import('../features/experts/expert-profile-page'));
const BidPage = lazy(() => import('../features/bids/bid-page'));
const ConsortiumRequestsPage = lazy(() => import('../features/bids/consortium-requests-page'));
const SupplierProfilePage = lazy(() => import('../features/suppliers/supplier-profile-page'));
const ProjectsPage = lazy(() => import('../features/projects/projects-page'));
const ProjectEditorPage = lazy(() => import('../features/projects/project-editor-page'));
const NoticesPage = lazy(() => import('../features/notices/notices-page'));
const NoticePage = lazy(() => import('../features/notices/notice-page'));
const CertificatesPage = lazy(() => import('../features/certificates/certificates-page'));
const TendersPage = lazy(() => import('../features/documents/tenders-page'));
const TenderPage = lazy(() => import('../features/documents/tender-page'));
const QuestionsDeskPage = lazy(() => import('../features/documents/questions-desk-page'));
const BarredPage = lazy(() => import('../features/barred/barred-page'));
const NotificationsPage = lazy(() => import('../features/notifications/notifications-page'));
const HallPage = lazy(() => import('../features/opening/hall-page'));
const RecordingsPage = lazy(() => import('../features/recordings/recordings-page'));
const IssuedCertificatesPage = lazy(() => import('../features/transaction-certificates/issued-certificates-page'));
const VerifyCertificatePage = lazy(() => import('../features/transaction-certificates/verify-page'));
const DrawRecordsPage = lazy(() => import('../features/expert-draw/draw-records-page'));
const DrawVerificationPage = lazy(() => import('../features/expert-draw/draw-verification-page'));
const InvitationsPage = lazy(() => import('../features/expert-draw/invitations-page'));
const AwardPage = lazy(() => import('../features/award/award-page'));
const LettersPage = lazy(() => import('../features/award/letters-page'));
const EvaluationResultPage = lazy(() => import('../features/evaluation-report/evaluation-result-page'));
const MyQueriesPage = lazy(() => import('../features/evaluation-report/my-queries-page'));
const MyEvaluationsPage = lazy(() => import('../features/evaluation/my-evaluations-page'));
const EvaluationPage = lazy(() => import('../features/evaluation/evaluation-page'));

function RequireUser({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  if (loading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!me) return <Navigate to="/login" replace />;
  return children;
}

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 80 }} />}>{node}</Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="notices" element={page(<NoticesPage />)} />
        <Route path="notices/:noticeId" element={page(<NoticePage />)} />
        <Route path="openings/:lotId" element={page(<HallPage />)} />
        <Route path="verify/certificates/:number" element={page(<VerifyCertificatePage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route
        path="workspace"
        element={
          <RequireUser>
            <WorkspaceLayout />
          </RequireUser>
        }
      >
        <Route index element={<Navigate to="overview" replace />} />
        <Route path="overview" element={page(<OverviewPage />)} />
        <Route path="registrations" element={page(<RegistrationsPage />)} />
        <Route path="accounts" element={page(<AccountsPage />)} />
        <Route path="ledger" element={page(<LedgerPage />)} />
        <Route path="tokens" element={page(<TokensPage />)} />
        <Route path="password" element={page(<PasswordPage />)} />
        <Route path="expert" element={page(<ExpertProfilePage />)} />
        <Route path="projects" element={page(<ProjectsPage />)} />
        <Route path="projects/:projectId" element={page(<ProjectEditorPage />)} />
        <Route path="certificates" element={page(<CertificatesPage />)} />
        <Route path="tenders" element={page(<TendersPage />)} />
        <Route path="tenders/:projectId" element={page(<TenderPage />)} />
        <Route path="projects/:projectId/questions" element={page(<QuestionsDeskPage />)} />
        <Route path="barred" element={page(<BarredPage />)} />
        <Route path="notifications" element={page(<NotificationsPage />)} />
        <Route path="recordings" element={page(<RecordingsPage />)} />
        <Route path="transaction-certificates" element={page(<IssuedCertificatesPage />)} />
        <Route path="recordings/:lotId" element={page(<RecordingsPage />)} />
        <Route path="expert-draws" element={page(<DrawRecordsPage />)} />
        <Route path="expert-draws/:drawId" element={page(<DrawVerificationPage />)} />
        <Route path="invitations" element={page(<InvitationsPage />)} />
        <Route path="lots/:lotId/award" element={page(<AwardPage />)} />
        <Route path="award-letters" element={page(<LettersPage />)} />
        <Route path="evaluation-results/:lotId" element={page(<EvaluationResultPage />)} />
        <Route path="evaluation-queries" element={page(<MyQueriesPage />)} />
        <Route path="evaluations" element={page(<MyEvaluationsPage />)} />
        <Route path="evaluations/:lotId" element={page(<EvaluationPage />)} />
        <Route path="supplier-profile" element={page(<SupplierProfilePage />)} />
        <Route path="tenders/:projectId/bid" element={page(<BidPage />)} />
        <Route path="consortium-requests" element={page(<ConsortiumRequestsPage />)} />
        <Route path="consortium-requests/:submissionId" element={page(<ConsortiumRequestsPage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
